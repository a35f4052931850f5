// Focus of this file: reading Authentication-Results (RFC 8601) and the rule that decides
// whether the From: domain is vouched for; and that reading stays linear.
#include "channels/email/authentication_results.hpp"

#include <gtest/gtest.h>

#include "../time_growth.hpp"

namespace frontline::channels::email {
namespace {

bool vouched(std::string_view header, std::string_view from_domain) {
  auto r = parse_authentication_results(header);
  return r && sender_authenticated(*r, from_domain);
}

TEST(AuthenticationResults, ReadsIdMethodsAndPropertiesIgnoringComments) {
  auto r = parse_authentication_results(
      "MX.Desk.Example 1; (a comment; with (nested) parts) spf=pass (sender IP is 192.0.2.1) "
      "smtp.mailfrom=bob@example.com;\r\n dkim=fail reason=\"bad; signature\" header.d=example.com;"
      " DMARC=Pass header.from=example.com");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->authserv_id, "mx.desk.example");
  ASSERT_EQ(r->results.size(), 3u);
  EXPECT_EQ(r->results[0].method, "spf");
  EXPECT_EQ(r->results[0].result, "pass");
  EXPECT_EQ(r->results[0].property("smtp.mailfrom"), "bob@example.com");
  EXPECT_EQ(r->results[1].property("reason"), "bad; signature");
  EXPECT_EQ(r->results[2].method, "dmarc");
  EXPECT_EQ(r->results[2].result, "pass");
  EXPECT_FALSE(parse_authentication_results("  (only a comment) "));
}

TEST(AuthenticationResults, DmarcDecidesWhenPresent) {
  EXPECT_TRUE(vouched("mx; dmarc=pass header.from=example.com", "example.com"));
  EXPECT_FALSE(vouched("mx; dmarc=pass header.from=evil.example", "example.com"));
  EXPECT_FALSE(vouched("mx; dmarc=fail; spf=pass smtp.mailfrom=example.com", "example.com"));
  EXPECT_FALSE(vouched("mx; dmarc=none; dkim=pass header.d=example.com", "example.com"));
}

TEST(AuthenticationResults, WithoutDmarcSpfOrDkimMustPassAlignedWithFrom) {
  EXPECT_TRUE(vouched("mx; spf=pass smtp.mailfrom=bounce@mail.example.com", "example.com"));
  EXPECT_TRUE(vouched("mx; dkim=pass header.d=example.com", "sub.example.com"));
  EXPECT_TRUE(vouched("mx; dkim=pass header.i=@example.com", "example.com"));
  EXPECT_FALSE(vouched("mx; spf=pass smtp.mailfrom=x@evil.example", "example.com"));
  EXPECT_FALSE(vouched("mx; dkim=pass header.d=com", "example.com"));  // a bare TLD aligns nothing
  EXPECT_FALSE(vouched("mx; dkim=pass header.d=notexample.com", "example.com"));
  EXPECT_FALSE(vouched("mx; spf=softfail smtp.mailfrom=x@example.com", "example.com"));
  EXPECT_FALSE(vouched("mx; none", "example.com"));
  EXPECT_FALSE(vouched("mx; spf=pass smtp.mailfrom=x@example.com", ""));
}

TEST(AuthenticationResults, TimeGrowsLinearlyWithHostileHeaders) {
  for (std::string_view unit : {"(((((", "\"\\\\\"", "; spf=pass a.b=c", ";;;;", "a=b c.d=e "}) {
    auto g = testing::measure_growth(
        [&](std::size_t n) { return "mx" + testing::repeat(unit, n); },
        [](const std::string& v) { (void)parse_authentication_results(v); });
    testing::expect_linear_growth(g, std::string(unit) + "…");
  }
}

}  // namespace
}  // namespace frontline::channels::email
