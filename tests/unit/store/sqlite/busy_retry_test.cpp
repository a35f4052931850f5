// Focus of this file: the SQLite writer waits out another process holding the database. A
// batch whose BEGIN finds the write lock taken past the busy timeout (5 s) is run again rather
// than failed — its units are re-runnable — so a backup tool or a sqlite3 shell holding the lock
// for a few seconds costs a wait, not an error.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "../../test_support.hpp"
#include "store/sqlite/open_sqlite.hpp"

namespace frontline::store {
namespace {

TEST(SqliteBusyRetry, AWriteOutlastsAnotherProcessHoldingTheLockPastTheBusyTimeout) {
  frontline::testing::TempDir dir;
  const std::string path = dir.path() + "/frontline.db";
  auto db = open_sqlite({path});

  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  std::thread holder([&] {
    std::this_thread::sleep_for(std::chrono::seconds(7));  // past one busy timeout, not two
    sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
  });

  core::Id id = 0;
  EXPECT_NO_THROW(db->write([&](Tx& tx) {
    id = tx.categories().insert_category("Printers");
    return true;
  }));
  holder.join();
  sqlite3_close(other);

  EXPECT_NE(id, 0);
  db->read([&](Tx& tx) { EXPECT_TRUE(tx.categories().category_by_name("Printers")); });
}

}  // namespace
}  // namespace frontline::store
