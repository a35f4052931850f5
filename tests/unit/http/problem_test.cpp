// Focus of this file: the problem map's promises about retrying — every 503 says when to try
// again (Retry-After), and other statuses do not.
#include "http/problem.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace frontline::http {
namespace {

bool has_retry_after(const Response& r) {
  return std::any_of(r.headers.begin(), r.headers.end(),
                     [](const auto& h) { return h.first == "Retry-After" && !h.second.empty(); });
}

TEST(Problem, UnavailableIs503WithRetryAfter) {
  auto r = problem(core::Errc::unavailable, "the disk is full");
  EXPECT_EQ(r.status, 503u);
  EXPECT_TRUE(has_retry_after(r));
}

TEST(Problem, AnErrorThatNamesItsRetryTimeGetsExactlyThatOne) {
  auto e = core::make_error(core::Errc::unavailable, "busy");
  e.retry_after_seconds = 3;
  auto r = problem(e);
  auto n = std::count_if(r.headers.begin(), r.headers.end(),
                         [](const auto& h) { return h.first == "Retry-After"; });
  EXPECT_EQ(n, 1);
  EXPECT_TRUE(std::any_of(r.headers.begin(), r.headers.end(), [](const auto& h) {
    return h.first == "Retry-After" && h.second == "3";
  }));
}

TEST(Problem, OtherErrorsCarryNoRetryAfter) {
  EXPECT_FALSE(has_retry_after(problem(core::Errc::invalid, "subject: is required")));
  EXPECT_FALSE(has_retry_after(problem(core::Errc::internal, "bug")));
}

}  // namespace
}  // namespace frontline::http
