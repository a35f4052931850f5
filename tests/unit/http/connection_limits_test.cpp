// Focus of this file: the connection caps of the accept loop — one address cannot take more
// than its share, the total is capped, and a closed connection gives its place back.
#include "http/connection_limits.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace frontline::http {
namespace {

TEST(ConnectionLimits, OneAddressStopsAtItsCapWhileOthersAreStillAdmitted) {
  ConnectionLimits limits(3, 100);
  std::vector<ConnectionLimits::Slot> held;
  for (int i = 0; i < 3; ++i) held.push_back(*limits.admit("10.0.0.2"));
  EXPECT_FALSE(limits.admit("10.0.0.2"));
  EXPECT_TRUE(limits.admit("10.0.0.3"));
  EXPECT_EQ(limits.open_from("10.0.0.2"), 3u);
}

TEST(ConnectionLimits, TotalCapRefusesEveryAddress) {
  ConnectionLimits limits(10, 2);
  auto a = limits.admit("10.0.0.2");
  auto b = limits.admit("10.0.0.3");
  ASSERT_TRUE(a && b);
  EXPECT_FALSE(limits.admit("10.0.0.4"));
  EXPECT_EQ(limits.open_total(), 2u);
}

TEST(ConnectionLimits, ClosedConnectionGivesItsPlaceBack) {
  ConnectionLimits limits(1, 1);
  {
    auto first = limits.admit("10.0.0.2");
    ASSERT_TRUE(first);
    EXPECT_FALSE(limits.admit("10.0.0.2"));
    auto moved = std::move(*first);  // a moved-from slot releases nothing
    first.reset();
    EXPECT_EQ(limits.open_total(), 1u);
  }
  EXPECT_EQ(limits.open_total(), 0u);
  EXPECT_EQ(limits.open_from("10.0.0.2"), 0u);
  EXPECT_TRUE(limits.admit("10.0.0.2"));
}

}  // namespace
}  // namespace frontline::http
