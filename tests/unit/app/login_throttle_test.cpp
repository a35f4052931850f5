// Focus of this file: the sign-in throttle's three counts — growing delays per (account,
// address), the per-address limit against spraying, the per-account slowdown against
// distributed guessing — and that none refuses someone at an address that has not failed.
#include "app/login_throttle.hpp"

#include <gtest/gtest.h>

#include <string>

#include "../test_support.hpp"

namespace frontline::app {
namespace {

// The counts live in a real database (SQLite in a temp folder), as on a server.
class LoginThrottleTest : public ::testing::Test {
 protected:
  testing::TestApp app;
  LoginThrottle t{*app.db};
};

constexpr core::UnixTime kNow = 1'790'000'000;

TEST_F(LoginThrottleTest, DelayDoublesWithEveryFailureAfterTheFreeOnes) {
  core::UnixTime now = kNow;
  for (int i = 0; i < LoginThrottle::kFreeFailures; ++i) {
    EXPECT_EQ(t.check("ann@x", "10.0.0.1", now).refuse_for, 0);
    t.failed("ann@x", "10.0.0.1", now);
  }
  for (core::UnixTime expected : {5, 10, 20, 40, 80}) {
    EXPECT_EQ(t.check("ann@x", "10.0.0.1", now).refuse_for, expected);
    now += expected;
    EXPECT_EQ(t.check("ann@x", "10.0.0.1", now).refuse_for, 0);
    t.failed("ann@x", "10.0.0.1", now);
  }
}

TEST_F(LoginThrottleTest, DelayNeverExceedsFifteenMinutes) {
  core::UnixTime now = kNow;
  for (int i = 0; i < 40; ++i) {
    now += t.check("ann@x", "10.0.0.1", now).refuse_for;
    t.failed("ann@x", "10.0.0.1", now);
  }
  EXPECT_LE(t.check("ann@x", "10.0.0.1", now).refuse_for, LoginThrottle::kMaxDelaySeconds);
}

TEST_F(LoginThrottleTest, AnotherAddressIsNeverRefusedForFailuresItDidNotMake) {
  for (int i = 0; i < 500; ++i) t.failed("victim@x", "10.1." + std::to_string(i), kNow);
  auto clean = t.check("victim@x", "192.0.2.1", kNow);
  EXPECT_EQ(clean.refuse_for, 0);
}

TEST_F(LoginThrottleTest, AnAccountUnderDistributedAttackIsSlowedOneAttemptPerSlot) {
  for (int i = 0; i < LoginThrottle::kAccountFailures; ++i) {
    t.failed("victim@x", "10.2." + std::to_string(i), kNow);
  }
  EXPECT_EQ(t.check("victim@x", "192.0.2.1", kNow).wait, 0);
  EXPECT_EQ(t.check("victim@x", "192.0.2.2", kNow).wait, 1);
  EXPECT_EQ(t.check("victim@x", "192.0.2.3", kNow).wait, 2);
  // Asked again after its wait, an attempt takes no second slot.
  EXPECT_EQ(t.check("victim@x", "192.0.2.2", kNow + 1, /*take_slot=*/false).wait, 0);
  EXPECT_EQ(t.check("victim@x", "192.0.2.4", kNow).wait, 3);
}

TEST_F(LoginThrottleTest, TheSlowdownWaitIsBounded) {
  for (int i = 0; i < LoginThrottle::kAccountFailures; ++i) t.failed("v@x", "10.3.0.1", kNow);
  core::UnixTime longest = 0;
  for (int i = 0; i < 100; ++i) longest = std::max(longest, t.check("v@x", "192.0.2.1", kNow).wait);
  EXPECT_EQ(longest, LoginThrottle::kMaxSlowdownSeconds);
}

TEST_F(LoginThrottleTest, SprayingManyAccountsFromOneAddressIsRefusedThereOnly) {
  for (int i = 0; i < LoginThrottle::kAddressFailures; ++i) {
    t.failed("user" + std::to_string(i) + "@x", "198.51.100.9", kNow);
  }
  EXPECT_GT(t.check("fresh@x", "198.51.100.9", kNow).refuse_for, 0);
  EXPECT_EQ(t.check("fresh@x", "198.51.100.10", kNow).refuse_for, 0);
  EXPECT_EQ(t.check("fresh@x", "198.51.100.9", kNow + LoginThrottle::kWindowSeconds).refuse_for, 0);
}

TEST_F(LoginThrottleTest, SuccessClearsOnlyItsOwnAddressForTheAccount) {
  for (int i = 0; i < LoginThrottle::kFreeFailures; ++i) {
    t.failed("ann@x", "10.0.0.1", kNow);
    t.failed("ann@x", "10.0.0.2", kNow);
  }
  t.succeeded("ann@x", "10.0.0.1");
  EXPECT_EQ(t.check("ann@x", "10.0.0.1", kNow).refuse_for, 0);
  EXPECT_GT(t.check("ann@x", "10.0.0.2", kNow).refuse_for, 0);
}

TEST_F(LoginThrottleTest, FailuresAgeOutWithTheWindow) {
  for (int i = 0; i < 10; ++i) t.failed("ann@x", "10.0.0.1", kNow);
  EXPECT_GT(t.check("ann@x", "10.0.0.1", kNow).refuse_for, 0);
  EXPECT_EQ(t.check("ann@x", "10.0.0.1", kNow + LoginThrottle::kWindowSeconds).refuse_for, 0);
}

TEST_F(LoginThrottleTest, InstancesSharingADatabaseCountTheSameFailures) {
  LoginThrottle other_instance{*app.db};
  for (int i = 0; i < LoginThrottle::kFreeFailures; ++i) {
    (i % 2 ? t : other_instance).failed("ann@x", "10.0.0.1", kNow);
  }
  EXPECT_EQ(t.check("ann@x", "10.0.0.1", kNow).refuse_for, LoginThrottle::kFirstDelaySeconds);
  EXPECT_EQ(other_instance.check("ann@x", "10.0.0.1", kNow).refuse_for,
            LoginThrottle::kFirstDelaySeconds);
  // The account's slots are one sequence, whichever instance hands them out.
  for (int i = 0; i < LoginThrottle::kAccountFailures; ++i)
    t.failed("v@x", "10.9." + std::to_string(i), kNow);
  EXPECT_EQ(t.check("v@x", "192.0.2.1", kNow).wait, 0);
  EXPECT_EQ(other_instance.check("v@x", "192.0.2.2", kNow).wait, 1);
  EXPECT_EQ(t.check("v@x", "192.0.2.3", kNow).wait, 2);
}

TEST_F(LoginThrottleTest, CountsWhoseWindowPassedAreDroppedAsNewFailuresArrive) {
  t.failed("a@x", "10.4.0.1", kNow);
  const auto stored = [&](const std::string& key) {
    std::optional<store::ThrottleCount> c;
    app.db->read([&](store::Tx& tx) { c = tx.login_throttle().throttle_count(key); });
    return c;
  };
  t.failed("b@x", "10.5.0.1", kNow + LoginThrottle::kWindowSeconds - 1);
  EXPECT_TRUE(stored("address:10.4.0.1").has_value());  // its window still runs
  t.failed("c@x", "10.6.0.1", kNow + 2 * LoginThrottle::kWindowSeconds);
  EXPECT_FALSE(stored("address:10.4.0.1").has_value());
  EXPECT_FALSE(stored("pair:a@x\n10.4.0.1").has_value());
  ASSERT_TRUE(stored("address:10.6.0.1").has_value());
  EXPECT_EQ(stored("address:10.6.0.1")->failures, 1);
}

}  // namespace
}  // namespace frontline::app
