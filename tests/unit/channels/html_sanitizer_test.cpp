// Focus of this file: sanitize_html stays linear on hostile input — text with entity-like
// runs, tags with endless attributes, unterminated quotes, and elements dropped with content.
#include "channels/email/html_sanitizer.hpp"

#include <gtest/gtest.h>

#include "../time_growth.hpp"

namespace frontline::channels::email {
namespace {

using testing::measure_growth;
using testing::repeat;

void expect_linear(std::string_view prefix, std::string_view unit, std::string_view suffix = "") {
  auto g = measure_growth(
      [&](std::size_t n) { return std::string(prefix) + repeat(unit, n) + std::string(suffix); },
      [](const std::string& html) { (void)sanitize_html(html); });
  testing::expect_linear_growth(g, std::string(prefix) + std::string(unit) + "…");
}

// Found by fuzz_sanitize_html: "ci\0d:" passed the cid: check (controls ignored) but was written
// with its NUL, which a browser reads as U+FFFD — a URL other than the one checked.
TEST(HtmlSanitizer, WritesUrlsInTheFormItChecked) {
  EXPECT_EQ(sanitize_html(std::string_view("<img src=\"ci\0d:0\">", 18)), "<img src=\"cid:0\">");
  EXPECT_EQ(sanitize_html("<a href=\" http://x.example/\ta\">l</a>"),
            "<a href=\"http://x.example/a\" rel=\"noopener noreferrer nofollow\">l</a>");
  EXPECT_EQ(sanitize_html("<a href=\"java\tscript:alert(1)\">l</a>"),
            "<a rel=\"noopener noreferrer nofollow\">l</a>");
}

TEST(HtmlSanitizer, TimeGrowsLinearlyWithEntityLikeText) {
  expect_linear("", "&");
  expect_linear("", "&#amp12");
  expect_linear("<p>", "&lt;<");
}

TEST(HtmlSanitizer, TimeGrowsLinearlyWithManyAttributes) {
  expect_linear("<a ", "href=x ", ">");
  expect_linear("<a ", "href=\"java\tscript:\" ", ">");
  expect_linear("<img ", "alt='", ">");
  expect_linear("<td ", "= / ", ">");
}

TEST(HtmlSanitizer, TimeGrowsLinearlyWithUnterminatedTagsAndComments) {
  expect_linear("", "<b");
  expect_linear("", "<!--");
  expect_linear("", "<b></b><i>");
}

TEST(HtmlSanitizer, TimeGrowsLinearlyWithElementsDroppedWithContent) {
  expect_linear("", "<script>");
  expect_linear("", "<svg></sv");
  expect_linear("", "<style>x</style");
  expect_linear("", "<iframe></iframe>");
}

}  // namespace
}  // namespace frontline::channels::email
