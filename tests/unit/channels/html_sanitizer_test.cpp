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
