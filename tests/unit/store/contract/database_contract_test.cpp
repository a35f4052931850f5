// Store contract, run against every engine: the database itself: group commit with per-unit
// rollback, exceptions, backups.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

class DatabaseContract : public StoreContract {};
FRONTLINE_STORE_CONTRACT(DatabaseContract);

TEST_P(DatabaseContract, FailedUnitRollsBackWithoutHarmingOthersInTheBatch) {
  auto r = user("a@x.com");
  std::atomic<int> done{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      db_->write([&](Tx& tx) {
        core::Ticket t;
        t.subject = "unit " + std::to_string(i);
        t.requester_id = r;
        tx.tickets().insert_ticket(t, "", "");
        return i % 2 == 0;  // odd units roll back
      });
      ++done;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(done.load(), 8);
  TicketFilter f;
  f.limit = 100;
  db_->read([&](Tx& tx) { EXPECT_EQ(tx.tickets().list_tickets(f).items.size(), 4u); });
}

TEST_P(DatabaseContract, ExceptionInUnitIsRethrownAndRolledBack) {
  auto r = user("a@x.com");
  EXPECT_THROW(db_->write([&](Tx& tx) -> bool {
    core::Ticket t;
    t.subject = "doomed";
    t.requester_id = r;
    tx.tickets().insert_ticket(t, "", "");
    throw StoreError("boom");
  }),
               StoreError);
  db_->read([&](Tx& tx) { EXPECT_FALSE(tx.tickets().ticket_by_number(1)); });
}

TEST_P(DatabaseContract, BackupCopiesTheLiveDatabase) {
  ticket(user("a@x.com"), "kept in backup", 1);
  const std::string copy = dir_.path() + "/backup.db";
  db_->backup_to(copy);
  auto restored = open_sqlite({copy});
  restored->read([&](Tx& tx) {
    auto t = tx.tickets().ticket_by_number(1);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->subject, "kept in backup");
  });
}

}  // namespace
}  // namespace frontline::store::contract
