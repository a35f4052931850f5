// Focus of this file: how a failing store reaches the caller — a full disk says so, a unique-key
// clash is a 409 naming the field (never a 503), any other failure stays vague, and none repeats
// the database's own message.
#include "app/context.hpp"

#include <gtest/gtest.h>

namespace frontline::app {
namespace {

TEST(StoreFailure, FullDiskSaysTheDiskIsFullAndIsTemporary) {
  store::StoreError full("step: database or disk is full", store::StoreError::Kind::disk_full);
  auto e = store_failure(full);
  EXPECT_EQ(e.code, core::Errc::unavailable);
  EXPECT_NE(e.message.find("the disk is full"), std::string::npos) << e.message;
  EXPECT_EQ(e.message.find("database or disk"), std::string::npos) << e.message;
}

TEST(StoreFailure, OtherFailuresNeverRepeatTheDatabaseMessage) {
  store::StoreError broken("prepare: no such table: tickets");
  auto e = store_failure(broken);
  EXPECT_EQ(e.code, core::Errc::unavailable);
  EXPECT_EQ(e.message.find("no such table"), std::string::npos) << e.message;
  EXPECT_EQ(e.message.find("disk is full"), std::string::npos) << e.message;
}

TEST(StoreFailure, AUniqueKeyClashIsAConflictNamingTheFieldNotAnOutage) {
  store::StoreError clash("step: UNIQUE constraint failed: users.email",
                          store::StoreError::Kind::conflict, "email");
  auto e = store_failure(clash);
  EXPECT_EQ(e.code, core::Errc::conflict);
  ASSERT_EQ(e.fields.size(), 1u);
  EXPECT_EQ(e.fields[0].field, "email");
  EXPECT_EQ(e.message.find("UNIQUE"), std::string::npos) << e.message;
}

TEST(StoreFailure, AReferenceDeletedMeanwhileAsksToReloadNotToWait) {
  store::StoreError gone("step: FOREIGN KEY constraint failed", store::StoreError::Kind::not_found);
  auto e = store_failure(gone);
  EXPECT_EQ(e.code, core::Errc::conflict);
  EXPECT_NE(e.message.find("reload"), std::string::npos) << e.message;
}

TEST(StoreFailure, ABusyDatabaseIsTemporary) {
  store::StoreError busy("exec failed: database is locked", store::StoreError::Kind::busy);
  EXPECT_TRUE(busy.retryable());
  EXPECT_EQ(store_failure(busy).code, core::Errc::unavailable);
}

}  // namespace
}  // namespace frontline::app
