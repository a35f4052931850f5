// Focus of this file: promises on the database that runs every write unit twice, with the
// injected clock — the reminder time (half the time given when shorter than the lead), one
// reminder and one broken record however often the job runs, the owner's notification, a kept
// promise never reminded, states read from the clock, and the per-technician report.
#include "app/promises.hpp"

#include <gtest/gtest.h>

#include "../test_support.hpp"
#include "app/notifications.hpp"
#include "app/tickets.hpp"

namespace frontline::app {
namespace {

class PromisesTest : public ::testing::Test {
 protected:
  PromisesTest()
      : promises_(*app_.ctx),
        ann_(app_.make_user("ann@x.com", core::Role::agent)),
        ben_(app_.make_user("ben@x.com", core::Role::agent)),
        carla_(app_.make_user("carla@example.com", core::Role::customer)) {
    Tickets tickets(*app_.ctx);
    OpenTicket t;
    t.subject = "Printer jam";
    t.body = "It jams.";
    auto opened = tickets.open(carla_, t);
    EXPECT_TRUE(opened) << opened.error().message;
    number_ = opened->number;
  }

  core::Promise promise(const core::Actor& who, core::UnixTime in, std::string text = "call back") {
    auto p = promises_.make(who, number_, {app_.clock.now() + in, std::move(text)});
    EXPECT_TRUE(p) << p.error().message;
    return p ? p.value() : core::Promise{};
  }

  std::size_t promise_notifications(const core::Actor& who) {
    Notifications n(*app_.ctx);
    auto page = n.list(who, false, std::nullopt, 50);
    std::size_t count = 0;
    for (const auto& item : page->items) count += item.kind == core::NotificationKind::promise_due;
    return count;
  }

  frontline::testing::TestApp app_;
  Promises promises_;
  core::Actor ann_, ben_, carla_;
  core::Id number_ = 0;
};

TEST_F(PromisesTest, TheReminderComesThirtyMinutesAheadOrHalfwayForShortPromises) {
  EXPECT_EQ(promise(ann_, 4 * 3600).remind_at, app_.clock.now() + 4 * 3600 - 30 * 60);
  EXPECT_EQ(promise(ann_, 600).remind_at, app_.clock.now() + 300);
}

TEST_F(PromisesTest, TheOwnerIsRemindedOnceAndTheBrokenPromiseRecordedOnce) {
  const auto p = promise(ann_, 600);
  app_.clock.advance(299);
  EXPECT_EQ(promises_.remind_and_record_broken()->reminded, 0);
  app_.clock.advance(1);
  auto round = promises_.remind_and_record_broken();
  ASSERT_TRUE(round) << round.error().message;
  EXPECT_EQ(round->reminded, 1);
  EXPECT_EQ(promises_.remind_and_record_broken()->reminded, 0);
  EXPECT_EQ(promise_notifications(ann_), 1u);
  EXPECT_EQ(promise_notifications(ben_), 0u);
  auto due = promises_.list(ben_, {});
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ(core::promise_state((*due)[0], app_.clock.now()), core::PromiseState::open);

  app_.clock.advance(300);  // exactly due: broken
  round = promises_.remind_and_record_broken();
  EXPECT_EQ(round->broken, 1);
  EXPECT_EQ(round->reminded, 0);
  EXPECT_EQ(promises_.remind_and_record_broken()->broken, 0);
  PromiseQuery broken;
  broken.broken = true;
  auto listed = promises_.list(ann_, broken);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].id, p.id);
  EXPECT_TRUE(promises_.list(ann_, {})->empty());
  EXPECT_EQ(promise_notifications(ann_), 1u);
}

TEST_F(PromisesTest, AKeptPromiseIsNeverRemindedNorBroken) {
  const auto p = promise(ann_, 600);
  auto kept = promises_.keep(ben_, p.id);
  ASSERT_TRUE(kept) << kept.error().message;
  EXPECT_EQ(kept->kept_by, ben_.id);
  app_.clock.advance(3600);
  auto round = promises_.remind_and_record_broken();
  EXPECT_EQ(round->reminded + round->broken, 0);
  EXPECT_EQ(core::promise_state(*kept, app_.clock.now()), core::PromiseState::kept);
  EXPECT_EQ(promises_.keep(ann_, p.id)->kept_by, ben_.id);  // kept once
}

TEST_F(PromisesTest, CustomersMayNotMakeOrSeePromisesAndDueTimesMustBeAhead) {
  EXPECT_EQ(promises_.make(carla_, number_, {app_.clock.now() + 600, "x"}).error().code,
            core::Errc::forbidden);
  EXPECT_EQ(promises_.for_ticket(carla_, number_).error().code, core::Errc::forbidden);
  EXPECT_EQ(promises_.list(carla_, {}).error().code, core::Errc::forbidden);
  auto past = promises_.make(ann_, number_, {app_.clock.now(), "x"});
  ASSERT_FALSE(past);
  EXPECT_EQ(past.error().fields.at(0).field, "due_at");
  EXPECT_FALSE(promises_.make(ann_, number_, {app_.clock.now() + 400 * 86400, "x"}));
}

TEST_F(PromisesTest, TheReportCountsKeptLateAndBrokenPerOwner) {
  const auto on_time = promise(ann_, 600);
  const auto late = promise(ann_, 600);
  promise(ben_, 600);
  promise(ben_, 7200);
  ASSERT_TRUE(promises_.keep(ann_, on_time.id));
  app_.clock.advance(700);
  ASSERT_TRUE(promises_.keep(ann_, late.id));
  auto r = promises_.report(ann_, std::nullopt, std::nullopt);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->rows.size(), 2u);
  EXPECT_EQ(r->rows[0].owner_id, ann_.id);
  EXPECT_EQ((std::vector<std::int64_t>{r->rows[0].kept, r->rows[0].kept_late, r->rows[0].broken}),
            (std::vector<std::int64_t>{1, 1, 0}));
  EXPECT_EQ((std::vector<std::int64_t>{r->rows[1].broken, r->rows[1].open}),
            (std::vector<std::int64_t>{1, 1}));
}

}  // namespace
}  // namespace frontline::app
