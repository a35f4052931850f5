// Focus of this file: the ids read from threading headers — newest first, bounded, and in time
// that does not grow with an endless header.
#include "channels/email/message_ids.hpp"

#include <gtest/gtest.h>

#include "../time_growth.hpp"

namespace frontline::channels::email {
namespace {

TEST(MessageIds, NewestFirstAndAtMostFifty) {
  std::vector<std::string> ids;
  add_message_ids("<a@x.example> <b@x.example>", ids);
  EXPECT_EQ(ids, (std::vector<std::string>{"b@x.example", "a@x.example"}));
  std::string many;
  for (int i = 0; i < 5000; ++i) many += " <r" + std::to_string(i) + "@x.example>";
  ids.clear();
  add_message_ids(many, ids);
  ASSERT_EQ(ids.size(), kMaxMessageIds);
  EXPECT_EQ(ids.front(), "r4999@x.example");
}

TEST(MessageIds, TimeGrowsLinearlyWithEndlessReferences) {
  for (std::string_view unit : {" <r@x.example>", "<<<<", " (comment) <r@x>"}) {
    auto g = testing::measure_growth([&](std::size_t n) { return testing::repeat(unit, n); },
                                     [](const std::string& v) {
                                       std::vector<std::string> ids;
                                       add_message_ids(v, ids);
                                     });
    testing::expect_linear_growth(g, std::string(unit) + "…");
  }
}

}  // namespace
}  // namespace frontline::channels::email
