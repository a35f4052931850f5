// Authentication-Results (RFC 8601): what the receiving MTA found when it checked a message's
// sender (SPF, DKIM, DMARC), and the rule by which Frontline believes a From: address. Pure and
// thread-safe; linear in the header's length.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace frontline::channels::email {

// One "method=result ptype.property=value …" of the header, lower-cased except the values.
struct AuthMethodResult {
  std::string method;                                           // "dmarc", "spf", "dkim", …
  std::string result;                                           // "pass", "fail", "none", …
  std::vector<std::pair<std::string, std::string>> properties;  // {"header.d", "example.com"}
  std::string property(std::string_view name) const;
};

struct AuthenticationResults {
  std::string authserv_id;  // lower-case
  std::vector<AuthMethodResult> results;
};

// Reads one header value; nullopt when it has no authserv-id. Comments are dropped.
std::optional<AuthenticationResults> parse_authentication_results(std::string_view value);

// The rule: a DMARC result decides when there is one (pass, and for the From domain when it
// names one); without one, an SPF pass whose smtp.mailfrom domain or a DKIM pass whose header.d
// domain is aligned with the From domain (the same domain, or one a subdomain of the other).
bool sender_authenticated(const AuthenticationResults& results, std::string_view from_domain);

}  // namespace frontline::channels::email
