// Store contract, run against every engine: promises on tickets — the due and broken queues and
// their order, per-owner filtering, the job's picks (to remind, to record broken) and the marks
// that are set once, and the report's window.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

using core::Id;

class PromisesContract : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    if (!db_) return;
    ann_ = user("ann@desk.example", core::Role::agent);
    ben_ = user("ben@desk.example", core::Role::agent);
    number_ = ticket(user("cus@example.com"), "Printer jam", 100).number;
  }

  Id promise(Id owner, core::UnixTime due, core::UnixTime remind, std::string text = "call back") {
    core::Promise p;
    p.ticket_number = number_;
    p.owner_id = owner;
    p.text = std::move(text);
    p.due_at = due;
    p.remind_at = remind;
    p.created_at = 100;
    Id id = 0;
    write([&](Tx& tx) { id = tx.promises().insert_promise(p); });
    return id;
  }

  static std::vector<Id> ids(const std::vector<core::Promise>& ps) {
    std::vector<Id> out;
    for (const auto& p : ps) out.push_back(p.id);
    return out;
  }

  std::vector<Id> queue(bool broken, core::UnixTime now, std::optional<Id> owner = {}) {
    PromiseFilter f;
    f.broken = broken;
    f.now = now;
    f.owner_id = owner;
    std::vector<Id> out;
    read([&](Tx& tx) { out = ids(tx.promises().open_promises(f)); });
    return out;
  }

  Id ann_ = 0, ben_ = 0, number_ = 0;
};
FRONTLINE_STORE_CONTRACT(PromisesContract);

TEST_P(PromisesContract, APromiseReadsBackWithItsOwnersName) {
  const Id id = promise(ann_, 5000, 4000, "I will call the vendor by 3 pm");
  read([&](Tx& tx) {
    auto p = tx.promises().promise_by_id(id);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->ticket_number, number_);
    EXPECT_EQ(p->owner_id, ann_);
    EXPECT_EQ(p->owner_name, "ann");
    EXPECT_EQ(p->text, "I will call the vendor by 3 pm");
    EXPECT_EQ(p->due_at, 5000);
    EXPECT_EQ(p->remind_at, 4000);
    EXPECT_EQ(p->created_at, 100);
    EXPECT_EQ(p->reminded_at, std::nullopt);
    EXPECT_EQ(p->kept_at, std::nullopt);
    EXPECT_FALSE(tx.promises().promise_by_id(id + 100));
  });
}

TEST_P(PromisesContract, DueIsOpenPromisesSoonestFirstAndBrokenThosePastDue) {
  const Id later = promise(ann_, 9000, 8000);
  const Id sooner = promise(ben_, 6000, 5000);
  const Id past = promise(ann_, 2000, 1000);
  const Id kept = promise(ann_, 7000, 6000);
  write([&](Tx& tx) { EXPECT_TRUE(tx.promises().mark_promise_kept(kept, ben_, 3000)); });
  EXPECT_EQ(queue(false, 3000), (std::vector<Id>{sooner, later}));
  EXPECT_EQ(queue(true, 3000), (std::vector<Id>{past}));
  EXPECT_EQ(queue(false, 3000, ann_), (std::vector<Id>{later}));
  // Exactly at its due time a promise is broken.
  EXPECT_EQ(queue(true, 6000), (std::vector<Id>{past, sooner}));
  read([&](Tx& tx) {
    EXPECT_EQ(ids(tx.promises().ticket_promises(number_)),
              (std::vector<Id>{past, sooner, kept, later}));
  });
}

TEST_P(PromisesContract, TheJobPicksEachPromiseOnceAndKeptOnesNever) {
  const Id a = promise(ann_, 5000, 4000);
  const Id b = promise(ben_, 6000, 5500);
  const Id kept = promise(ann_, 4500, 3000);
  write([&](Tx& tx) { tx.promises().mark_promise_kept(kept, ann_, 2000); });
  read([&](Tx& tx) {
    EXPECT_EQ(ids(tx.promises().promises_to_remind(4000, 10)), (std::vector<Id>{a}));
    EXPECT_EQ(ids(tx.promises().promises_to_remind(6000, 10)), (std::vector<Id>{a, b}));
    EXPECT_EQ(ids(tx.promises().promises_to_remind(6000, 1)), (std::vector<Id>{a}));
    EXPECT_TRUE(tx.promises().promises_to_break(4999, 10).empty());
  });
  write([&](Tx& tx) {
    EXPECT_TRUE(tx.promises().mark_promise_reminded(a, 4000));
    EXPECT_FALSE(tx.promises().mark_promise_reminded(a, 4100));
  });
  read([&](Tx& tx) {
    EXPECT_EQ(ids(tx.promises().promises_to_remind(6000, 10)), (std::vector<Id>{b}));
    EXPECT_EQ(ids(tx.promises().promises_to_break(6000, 10)), (std::vector<Id>{a, b}));
    EXPECT_EQ(tx.promises().promise_by_id(a)->reminded_at, 4000);
  });
  write([&](Tx& tx) {
    EXPECT_TRUE(tx.promises().mark_promise_broken(a, 5000));
    EXPECT_FALSE(tx.promises().mark_promise_broken(a, 5100));
    EXPECT_FALSE(tx.promises().mark_promise_kept(kept, ben_, 5200));
  });
  read([&](Tx& tx) {
    EXPECT_EQ(ids(tx.promises().promises_to_break(6000, 10)), (std::vector<Id>{b}));
    auto k = tx.promises().promise_by_id(kept);
    EXPECT_EQ(k->kept_at, 2000);
    EXPECT_EQ(k->kept_by, ann_);
  });
}

TEST_P(PromisesContract, TheReportWindowIsHalfOpen) {
  const Id at_start = promise(ann_, 1000, 900);
  const Id inside = promise(ben_, 1500, 1400);
  promise(ann_, 2000, 1900);  // at the end: outside
  read([&](Tx& tx) {
    EXPECT_EQ(ids(tx.promises().promises_due_between(1000, 2000)),
              (std::vector<Id>{at_start, inside}));
  });
}

}  // namespace
}  // namespace frontline::store::contract
