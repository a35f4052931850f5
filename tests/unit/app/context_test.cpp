// Focus of this file: how a failing store reaches the caller — a full disk says so, any other
// failure stays vague, and neither repeats the database's own message.
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

}  // namespace
}  // namespace frontline::app
