// Focus of this file: shared text helpers (UTF-8 validation, trimming, email plausibility).
#include "core/text.hpp"

#include <gtest/gtest.h>

#include "../time_growth.hpp"

namespace frontline::core {
namespace {

TEST(Text, AcceptsValidUtf8AndRejectsOverlongAndSurrogates) {
  EXPECT_TRUE(is_valid_utf8("héllo wörld ✓ 😀"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(is_valid_utf8("abc\xE2\x82"));   // truncated
}

TEST(Text, TrimRemovesSurroundingWhitespaceOnly) { EXPECT_EQ(trim("  a b \r\n"), "a b"); }

TEST(Text, EmailNeedsOneAtWithTextAround) {
  EXPECT_TRUE(looks_like_email("a@b.c"));
  EXPECT_FALSE(looks_like_email("@b.c"));
  EXPECT_FALSE(looks_like_email("a@"));
  EXPECT_FALSE(looks_like_email("a b@c.d"));
  EXPECT_FALSE(looks_like_email("a@b@c"));
}

TEST(Text, TruncateUtf8NeverSplitsACharacter) {
  EXPECT_EQ(truncate_utf8("abc", 5), "abc");
  EXPECT_EQ(truncate_utf8("abc", 2), "ab");
  // "é" is two bytes: cutting after its first byte drops it whole.
  EXPECT_EQ(truncate_utf8("a\xC3\xA9", 2), "a");
  EXPECT_EQ(truncate_utf8("\xF0\x9F\x98\x80x", 3), "");
  EXPECT_TRUE(is_valid_utf8(truncate_utf8("\xE2\x82\xAC\xE2\x82\xAC", 4)));
}

TEST(Text, FindIgnoringCaseMatchesAsciiCaseInsensitively) {
  EXPECT_EQ(find_ignoring_case("abc</SCRIPT>", "</script"), 3u);
  EXPECT_EQ(find_ignoring_case("</style></Style>", "</style", 1), 8u);
  EXPECT_EQ(find_ignoring_case("short", "longer needle"), std::string_view::npos);
  EXPECT_EQ(find_ignoring_case("none here", "</script"), std::string_view::npos);
}

TEST(HumanSize, SaysSizesInTheUnitsPeopleUse) {
  EXPECT_EQ(human_size(1), "1 byte");
  EXPECT_EQ(human_size(900), "900 bytes");
  EXPECT_EQ(human_size(512 * 1024), "512 KB");
  EXPECT_EQ(human_size(1536), "1.5 KB");
  EXPECT_EQ(human_size(25 * 1024 * 1024), "25 MB");
  EXPECT_EQ(human_size(32715571), "31.2 MB");
}

// Each use site searches a stretch once (the HTML scanners move past what they searched), so
// the search itself must be linear in the haystack for a short needle.
TEST(Text, FindIgnoringCaseTimeGrowsLinearlyWithNearMisses) {
  for (std::string_view unit : {"</scrip", "<<<<", "</SCRIPT"}) {
    auto g = testing::measure_growth(
        [&](std::size_t n) { return testing::repeat(unit, n) + "x"; },
        [](const std::string& s) { (void)find_ignoring_case(s, "</script>x"); });
    testing::expect_linear_growth(g, std::string(unit) + "…");
  }
}

}  // namespace
}  // namespace frontline::core
