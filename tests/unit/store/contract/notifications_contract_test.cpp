// Store contract, run against every engine: staff notifications.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

using core::Id;
using core::NotificationKind;

class NotificationsContract : public StoreContract {
 protected:
  Id notify(Id user_id, NotificationKind kind, Id ticket, std::optional<Id> actor, Id event) {
    Id id = 0;
    write([&](Tx& tx) {
      core::Notification n;
      n.user_id = user_id;
      n.kind = kind;
      n.ticket_number = ticket;
      n.actor_id = actor;
      n.event_id = event;
      n.created_at = 1000 + event;
      id = tx.notifications().insert_notification(n);
    });
    return id;
  }
};
FRONTLINE_STORE_CONTRACT(NotificationsContract);

TEST_P(NotificationsContract, ListedNewestFirstWithSubjectAndActorName) {
  auto ann = user("ann@x.com", core::Role::agent);
  auto bo = user("bo@x.com", core::Role::agent);
  auto t = ticket(user("c@x.com"), "Printer on fire", 1).number;
  auto first = notify(ann, NotificationKind::assigned, t, bo, 1);
  auto second = notify(ann, NotificationKind::customer_replied, t, std::nullopt, 2);
  read([&](Tx& tx) {
    auto listed = tx.notifications().list_notifications(ann, false, std::nullopt, 10);
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0].id, second);
    EXPECT_EQ(listed[0].kind, NotificationKind::customer_replied);
    EXPECT_FALSE(listed[0].actor_id);
    EXPECT_EQ(listed[1].id, first);
    EXPECT_EQ(listed[1].kind, NotificationKind::assigned);
    EXPECT_EQ(listed[1].ticket_number, t);
    EXPECT_EQ(listed[1].subject, "Printer on fire");
    EXPECT_EQ(listed[1].actor_id, std::optional<Id>(bo));
    EXPECT_EQ(listed[1].actor_name, "bo");
    EXPECT_EQ(listed[1].event_id, 1);
    EXPECT_EQ(listed[1].created_at, 1001);
    EXPECT_FALSE(listed[1].read_at);
    EXPECT_EQ(tx.notifications().count_unread_notifications(ann), 2);
    EXPECT_TRUE(tx.notifications().list_notifications(bo, false, std::nullopt, 10).empty());
  });
}

TEST_P(NotificationsContract, PagingBeforeAnIdAndTheLimit) {
  auto ann = user("ann@x.com", core::Role::agent);
  auto t = ticket(user("c@x.com"), "Kettle", 1).number;
  std::vector<Id> ids;
  for (Id e = 1; e <= 5; ++e) ids.push_back(notify(ann, NotificationKind::mentioned, t, {}, e));
  read([&](Tx& tx) {
    auto page = tx.notifications().list_notifications(ann, false, ids[3], 2);
    ASSERT_EQ(page.size(), 2u);
    EXPECT_EQ(page[0].id, ids[2]);
    EXPECT_EQ(page[1].id, ids[1]);
  });
}

TEST_P(NotificationsContract, MarkingReadTouchesOnlyTheOwnersAndUnreadOnlyListsTheRest) {
  auto ann = user("ann@x.com", core::Role::agent);
  auto bo = user("bo@x.com", core::Role::agent);
  auto t = ticket(user("c@x.com"), "Kettle", 1).number;
  auto a1 = notify(ann, NotificationKind::assigned, t, bo, 1);
  auto a2 = notify(ann, NotificationKind::mentioned, t, bo, 2);
  auto b1 = notify(bo, NotificationKind::assigned, t, ann, 3);
  write([&](Tx& tx) {
    tx.notifications().mark_notifications_read(ann, {a1, b1}, 50);  // b1 is not ann's
  });
  read([&](Tx& tx) {
    auto unread = tx.notifications().list_notifications(ann, true, std::nullopt, 10);
    ASSERT_EQ(unread.size(), 1u);
    EXPECT_EQ(unread[0].id, a2);
    auto all = tx.notifications().list_notifications(ann, false, std::nullopt, 10);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[1].read_at, std::optional<core::UnixTime>(50));
    EXPECT_EQ(tx.notifications().count_unread_notifications(bo), 1);
  });
  write([&](Tx& tx) {
    tx.notifications().mark_notifications_read(ann, {a1}, 90);  // already read: stays at 50
    tx.notifications().mark_all_notifications_read(ann, 60);
  });
  read([&](Tx& tx) {
    EXPECT_EQ(tx.notifications().count_unread_notifications(ann), 0);
    EXPECT_EQ(tx.notifications().count_unread_notifications(bo), 1);
    auto all = tx.notifications().list_notifications(ann, false, std::nullopt, 10);
    EXPECT_EQ(all[0].read_at, std::optional<core::UnixTime>(60));
    EXPECT_EQ(all[1].read_at, std::optional<core::UnixTime>(50));
  });
}

}  // namespace
}  // namespace frontline::store::contract
