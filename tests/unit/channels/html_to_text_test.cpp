// Focus of this file: html_to_text stays linear on hostile input — every kind of construct a
// sender controls (entities, tags, comments, dropped elements), unterminated or repeated.
#include "channels/email/html_to_text.hpp"

#include <gtest/gtest.h>

#include "../time_growth.hpp"

namespace frontline::channels::email {
namespace {

using testing::measure_growth;
using testing::repeat;

void expect_linear(std::string_view unit) {
  auto g = measure_growth([&](std::size_t n) { return repeat(unit, n); },
                          [](const std::string& html) { (void)html_to_text(html); });
  testing::expect_linear_growth(g, std::string(unit) + "…");
}

TEST(HtmlToText, DecodesEntitiesAndLeavesUnterminatedOnesAsText) {
  EXPECT_EQ(html_to_text("a &amp; b &lt;&#65;&#x42;&gt; &amp c &; &#;"),
            "a & b <AB> &amp c &; &#;");
  EXPECT_EQ(html_to_text("&nosuchentityatall; &"), "&nosuchentityatall; &");
}

TEST(HtmlToText, TimeGrowsLinearlyWithUnterminatedEntities) {
  expect_linear("&");
  expect_linear("&amp");
  expect_linear("&#1234567");
}

TEST(HtmlToText, TimeGrowsLinearlyWithUnterminatedTags) {
  expect_linear("<");
  expect_linear("<p");
  expect_linear("<p <br ");
}

TEST(HtmlToText, TimeGrowsLinearlyWithUnterminatedComments) {
  expect_linear("<!--");
  expect_linear("<!-- -- ->");
}

TEST(HtmlToText, TimeGrowsLinearlyWithUnclosedScriptsAndStyles) {
  expect_linear("<script>");
  expect_linear("<style></styl");
  expect_linear("<title>x</title>");
  expect_linear("<head><script></head>");
}

TEST(HtmlToText, TimeGrowsLinearlyWithBlocksAndWhitespace) {
  expect_linear("<p> \n\t");
  expect_linear("<br><br>   ");
}

}  // namespace
}  // namespace frontline::channels::email
