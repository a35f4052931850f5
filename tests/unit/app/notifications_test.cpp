// Focus of this file: which events notify whom — assigned to me by someone else, a customer's
// reply on my ticket, an @mention in a note — written in the event's own unit (on the database
// that runs every write unit twice: once each), and read and marked read by their owner only.
#include "app/notifications.hpp"

#include <gtest/gtest.h>

#include "../test_support.hpp"
#include "app/tickets.hpp"

namespace frontline::app {
namespace {

using core::NotificationKind;

class NotificationsTest : public ::testing::Test {
 protected:
  NotificationsTest()
      : tickets_(*app_.ctx),
        notifications_(*app_.ctx),
        ann_(app_.make_user("ann.lee@x.com", core::Role::agent)),
        bo_(app_.make_user("bo@x.com", core::Role::agent)),
        carla_(app_.make_user("carla@example.com", core::Role::customer)) {
    rename(ann_, "Ann Lee");
  }

  void rename(core::Actor& who, const std::string& name) {
    Accounts accounts(*app_.ctx);
    UserChanges c;
    c.name = name;
    ASSERT_TRUE(accounts.update_user(system_actor(), who.id, c));
    who.name = name;
  }

  core::Id carlas_ticket() {
    OpenTicket in;
    in.subject = "Printer on fire";
    in.body = "It smokes.";
    auto t = tickets_.open(carla_, in);
    EXPECT_TRUE(t);
    return t->number;
  }

  void assign(const core::Actor& by, core::Id number, const core::Actor& to) {
    TicketChanges c;
    c.assignee_id = std::optional<core::Id>(to.id);
    auto updated = tickets_.update(by, number, c, std::nullopt);
    ASSERT_TRUE(updated) << updated.error().message;
  }

  std::vector<core::Notification> of(const core::Actor& who) {
    auto page = notifications_.list(who, false, std::nullopt, 50);
    EXPECT_TRUE(page);
    return page ? page->items : std::vector<core::Notification>{};
  }

  testing::TestApp app_;
  Tickets tickets_;
  Notifications notifications_;
  core::Actor ann_, bo_, carla_;
};

TEST_F(NotificationsTest, BeingAssignedBySomeoneElseNotifiesOnceButTakingItYourselfDoesNot) {
  auto n = carlas_ticket();
  assign(bo_, n, ann_);
  auto anns = of(ann_);
  ASSERT_EQ(anns.size(), 1u);  // once, though the unit ran twice
  EXPECT_EQ(anns[0].kind, NotificationKind::assigned);
  EXPECT_EQ(anns[0].ticket_number, n);
  EXPECT_EQ(anns[0].actor_name, "bo");
  EXPECT_EQ(anns[0].subject, "Printer on fire");
  assign(bo_, n, bo_);
  EXPECT_TRUE(of(bo_).empty());
}

TEST_F(NotificationsTest, ACustomerReplyNotifiesTheAssigneeButAStaffReplyDoesNot) {
  auto n = carlas_ticket();
  assign(bo_, n, ann_);
  ASSERT_TRUE(
      tickets_.add_message(carla_, n, core::MessageKind::public_reply, "Still smoking", {}));
  ASSERT_TRUE(tickets_.add_message(bo_, n, core::MessageKind::public_reply, "Unplug it", {}));
  auto anns = of(ann_);
  ASSERT_EQ(anns.size(), 2u);
  EXPECT_EQ(anns[0].kind, NotificationKind::customer_replied);
  EXPECT_EQ(anns[0].actor_name, "carla");
  EXPECT_EQ(anns[1].kind, NotificationKind::assigned);
}

TEST_F(NotificationsTest, AMentionInANoteNotifiesThePersonNamedButNeverTheAuthor) {
  auto n = carlas_ticket();
  ASSERT_TRUE(tickets_.add_message(bo_, n, core::MessageKind::internal_note,
                                   "@ann lee can you call her? cc @bo", {}));
  auto anns = of(ann_);
  ASSERT_EQ(anns.size(), 1u);
  EXPECT_EQ(anns[0].kind, NotificationKind::mentioned);
  EXPECT_EQ(anns[0].actor_name, "bo");
  EXPECT_TRUE(of(bo_).empty());  // mentioned themself
  // The local part of the email names a person too; a public reply mentions nobody.
  ASSERT_TRUE(tickets_.add_message(ann_, n, core::MessageKind::internal_note, "over to @bo.", {}));
  ASSERT_TRUE(
      tickets_.add_message(ann_, n, core::MessageKind::public_reply, "@bo will call you", {}));
  auto bos = of(bo_);
  ASSERT_EQ(bos.size(), 1u);
  EXPECT_EQ(bos[0].kind, NotificationKind::mentioned);
}

TEST_F(NotificationsTest, MarkingReadCountsTheRestAndCustomersHaveNoNotifications) {
  auto n = carlas_ticket();
  assign(bo_, n, ann_);
  ASSERT_TRUE(tickets_.add_message(carla_, n, core::MessageKind::public_reply, "Hello?", {}));
  auto anns = of(ann_);
  ASSERT_EQ(anns.size(), 2u);
  auto unread = notifications_.mark_read(ann_, {anns[1].id});
  ASSERT_TRUE(unread);
  EXPECT_EQ(*unread, 1);
  auto bos = notifications_.mark_read(bo_, {anns[0].id});  // not bo's: nothing changes
  ASSERT_TRUE(bos);
  EXPECT_EQ(*bos, 0);
  auto still = notifications_.list(ann_, true, std::nullopt, 50);
  ASSERT_TRUE(still);
  ASSERT_EQ(still->items.size(), 1u);
  EXPECT_EQ(still->items[0].id, anns[0].id);
  auto none = notifications_.mark_all_read(ann_);
  ASSERT_TRUE(none);
  EXPECT_EQ(*none, 0);
  auto refused = notifications_.list(carla_, false, std::nullopt, 50);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::Errc::forbidden);
}

}  // namespace
}  // namespace frontline::app
