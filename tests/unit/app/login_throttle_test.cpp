// Focus of this file: the sign-in throttle's three counts — growing delays per (account,
// address), the per-address limit against spraying, the per-account slowdown against
// distributed guessing — and that none refuses someone at an address that has not failed.
#include "app/login_throttle.hpp"

#include <gtest/gtest.h>

#include <string>

namespace frontline::app {
namespace {

constexpr core::UnixTime kNow = 1'790'000'000;

TEST(LoginThrottle, DelayDoublesWithEveryFailureAfterTheFreeOnes) {
  LoginThrottle t;
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

TEST(LoginThrottle, DelayNeverExceedsFifteenMinutes) {
  LoginThrottle t;
  core::UnixTime now = kNow;
  for (int i = 0; i < 40; ++i) {
    now += t.check("ann@x", "10.0.0.1", now).refuse_for;
    t.failed("ann@x", "10.0.0.1", now);
  }
  EXPECT_LE(t.check("ann@x", "10.0.0.1", now).refuse_for, LoginThrottle::kMaxDelaySeconds);
}

TEST(LoginThrottle, AnotherAddressIsNeverRefusedForFailuresItDidNotMake) {
  LoginThrottle t;
  for (int i = 0; i < 500; ++i) t.failed("victim@x", "10.1." + std::to_string(i), kNow);
  auto clean = t.check("victim@x", "192.0.2.1", kNow);
  EXPECT_EQ(clean.refuse_for, 0);
}

TEST(LoginThrottle, AnAccountUnderDistributedAttackIsSlowedOneAttemptPerSlot) {
  LoginThrottle t;
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

TEST(LoginThrottle, TheSlowdownWaitIsBounded) {
  LoginThrottle t;
  for (int i = 0; i < LoginThrottle::kAccountFailures; ++i) t.failed("v@x", "10.3.0.1", kNow);
  core::UnixTime longest = 0;
  for (int i = 0; i < 100; ++i) longest = std::max(longest, t.check("v@x", "192.0.2.1", kNow).wait);
  EXPECT_EQ(longest, LoginThrottle::kMaxSlowdownSeconds);
}

TEST(LoginThrottle, SprayingManyAccountsFromOneAddressIsRefusedThereOnly) {
  LoginThrottle t;
  for (int i = 0; i < LoginThrottle::kAddressFailures; ++i) {
    t.failed("user" + std::to_string(i) + "@x", "198.51.100.9", kNow);
  }
  EXPECT_GT(t.check("fresh@x", "198.51.100.9", kNow).refuse_for, 0);
  EXPECT_EQ(t.check("fresh@x", "198.51.100.10", kNow).refuse_for, 0);
  EXPECT_EQ(t.check("fresh@x", "198.51.100.9", kNow + LoginThrottle::kWindowSeconds).refuse_for, 0);
}

TEST(LoginThrottle, SuccessClearsOnlyItsOwnAddressForTheAccount) {
  LoginThrottle t;
  for (int i = 0; i < LoginThrottle::kFreeFailures; ++i) {
    t.failed("ann@x", "10.0.0.1", kNow);
    t.failed("ann@x", "10.0.0.2", kNow);
  }
  t.succeeded("ann@x", "10.0.0.1");
  EXPECT_EQ(t.check("ann@x", "10.0.0.1", kNow).refuse_for, 0);
  EXPECT_GT(t.check("ann@x", "10.0.0.2", kNow).refuse_for, 0);
}

TEST(LoginThrottle, FailuresAgeOutWithTheWindow) {
  LoginThrottle t;
  for (int i = 0; i < 10; ++i) t.failed("ann@x", "10.0.0.1", kNow);
  EXPECT_GT(t.check("ann@x", "10.0.0.1", kNow).refuse_for, 0);
  EXPECT_EQ(t.check("ann@x", "10.0.0.1", kNow + LoginThrottle::kWindowSeconds).refuse_for, 0);
}

}  // namespace
}  // namespace frontline::app
