// Store contract, run against every engine: the sign-in throttle's counts.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

class LoginThrottleContract : public StoreContract {
 protected:
  std::optional<ThrottleCount> count(const std::string& key) {
    std::optional<ThrottleCount> out;
    read([&](Tx& tx) { out = tx.login_throttle().throttle_count(key); });
    return out;
  }
};
FRONTLINE_STORE_CONTRACT(LoginThrottleContract);

TEST_P(LoginThrottleContract, APutCountReadsBackWholeAndASecondPutReplacesIt) {
  EXPECT_FALSE(count("pair:ann@x\n10.0.0.1").has_value());
  write([](Tx& tx) {
    tx.login_throttle().put_throttle_count("pair:ann@x\n10.0.0.1", {3, 100, 140, 0});
  });
  auto c = count("pair:ann@x\n10.0.0.1");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->failures, 3);
  EXPECT_EQ(c->first, 100);
  EXPECT_EQ(c->last, 140);
  EXPECT_EQ(c->next_slot, 0);
  write([](Tx& tx) {
    tx.login_throttle().put_throttle_count("pair:ann@x\n10.0.0.1", {4, 100, 150, 151});
  });
  c = count("pair:ann@x\n10.0.0.1");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->failures, 4);
  EXPECT_EQ(c->last, 150);
  EXPECT_EQ(c->next_slot, 151);
}

TEST_P(LoginThrottleContract, DeleteRemovesOnlyItsKey) {
  write([](Tx& tx) {
    tx.login_throttle().put_throttle_count("address:a", {1, 1, 1, 0});
    tx.login_throttle().put_throttle_count("address:b", {1, 1, 1, 0});
    tx.login_throttle().delete_throttle_count("address:a");
  });
  EXPECT_FALSE(count("address:a").has_value());
  EXPECT_TRUE(count("address:b").has_value());
}

TEST_P(LoginThrottleContract, PruneDropsCountsWhoseLastFailureAndSlotAreBothOld) {
  std::int64_t pruned = 0;
  write([&](Tx& tx) {
    auto& counts = tx.login_throttle();
    counts.put_throttle_count("old", {5, 10, 20, 0});
    counts.put_throttle_count("old but slotted", {5, 10, 20, 500});
    counts.put_throttle_count("recent", {5, 10, 300, 0});
    pruned = counts.prune_throttle_counts(100);
  });
  EXPECT_EQ(pruned, 1);
  EXPECT_FALSE(count("old").has_value());
  EXPECT_TRUE(count("old but slotted").has_value());
  EXPECT_TRUE(count("recent").has_value());
}

}  // namespace
}  // namespace frontline::store::contract
