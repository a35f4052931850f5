// Service directory values and rules (see header).
#include "core/service.hpp"

#include <algorithm>
#include <array>

#include "core/enum_names.hpp"
#include "core/text.hpp"

namespace frontline::core {
namespace {

// In the order of each enum's values (core/enum_names.hpp).
constexpr std::array<std::string_view, 3> kContactKinds{"phone", "email", "web"};
constexpr std::array<std::string_view, 4> kMethods{"called", "emailed", "web_form", "other"};
constexpr std::array<std::string_view, 3> kResults{"works", "wrong", "no_answer"};
constexpr std::array<std::string_view, 4> kOrphanReasons{
    "no_active_contact", "no_team", "team_without_members", "all_contacts_overdue"};

constexpr UnixTime kSecondsPerDay = 86400;
constexpr char kStepSeparator = '\x1e';
constexpr char kPartSeparator = '\x1f';

bool host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;  // internationalised names, as typed
}

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string_view to_string(ContactKind k) { return name_in(kContactKinds, k); }
std::optional<ContactKind> parse_contact_kind(std::string_view s) {
  return parse_in<ContactKind>(kContactKinds, s);
}
std::string_view to_string(VerificationMethod m) { return name_in(kMethods, m); }
std::string_view to_string(VerificationResult r) { return name_in(kResults, r); }
std::optional<VerificationMethod> parse_verification_method(std::string_view s) {
  return parse_in<VerificationMethod>(kMethods, s);
}
std::optional<VerificationResult> parse_verification_result(std::string_view s) {
  return parse_in<VerificationResult>(kResults, s);
}
std::string_view to_string(OrphanReason r) { return name_in(kOrphanReasons, r); }

// Each step below looks at each character a bounded number of times: linear in the input.
std::string normalise_host(std::string_view in) {
  std::string_view s = trim(in);
  // A scheme ("https://") or a scheme-relative "//".
  if (auto sep = s.find("://"); sep != std::string_view::npos) {
    const auto scheme = s.substr(0, sep);
    const bool is_scheme = !scheme.empty() && std::all_of(scheme.begin(), scheme.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '+' || c == '-' || c == '.';
    });
    if (is_scheme) s.remove_prefix(sep + 3);
  } else if (s.substr(0, 2) == "//") {
    s.remove_prefix(2);
  }
  s = s.substr(0, s.find_first_of("/?#"));
  if (auto at = s.rfind('@'); at != std::string_view::npos) s.remove_prefix(at + 1);
  if (!s.empty() && s.front() == '[') {  // an IPv6 literal keeps its brackets, loses its port
    auto close = s.find(']');
    const auto inside = s.substr(1, close == std::string_view::npos ? 0 : close - 1);
    const bool ipv6 = !inside.empty() && std::all_of(inside.begin(), inside.end(), [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ||
             c == ':' || c == '.';
    });
    if (!ipv6) return {};
    return to_lower_ascii(s.substr(0, close + 1));
  }
  if (auto colon = s.rfind(':'); colon != std::string_view::npos) {
    if (!all_digits(s.substr(colon + 1))) return {};
    s = s.substr(0, colon);
  }
  std::string host = to_lower_ascii(s);
  while (!host.empty() && host.back() == '.') host.pop_back();
  if (host.rfind("www.", 0) == 0 && host.size() > 4) host.erase(0, 4);
  if (host.empty() || host.front() == '.' || !std::all_of(host.begin(), host.end(), host_char)) {
    return {};
  }
  return host;
}

UnixTime review_due_at(const ServiceContact& c) {
  const UnixTime since = c.last_verified_at.value_or(c.created_at);
  return since + static_cast<UnixTime>(c.review_interval_days) * kSecondsPerDay;
}

bool is_overdue(const ServiceContact& c, UnixTime now) { return now > review_due_at(c); }

// Reasons in the order someone fixing the entry would meet them: nobody listed at all, nobody
// owning it, an owner with nobody in it, then contacts nobody has checked in time.
std::optional<OrphanReason> orphan_reason(const Service& s,
                                          std::optional<std::size_t> team_member_count,
                                          UnixTime now) {
  std::vector<const ServiceContact*> active;
  for (const auto& c : s.contacts) {
    if (c.active) active.push_back(&c);
  }
  if (active.empty()) return OrphanReason::no_active_contact;
  if (!s.team_id || !team_member_count) return OrphanReason::no_team;
  if (*team_member_count == 0) return OrphanReason::team_without_members;
  if (std::all_of(active.begin(), active.end(),
                  [now](const ServiceContact* c) { return is_overdue(*c, now); })) {
    return OrphanReason::all_contacts_overdue;
  }
  return std::nullopt;
}

std::string pack_call_tree(const std::vector<CallTreeStep>& steps) {
  std::string out;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (i) out += kStepSeparator;
    out += steps[i].press;
    out += kPartSeparator;
    out += steps[i].then;
  }
  return out;
}

std::vector<CallTreeStep> unpack_call_tree(std::string_view packed) {
  std::vector<CallTreeStep> steps;
  if (packed.empty()) return steps;
  std::size_t start = 0;
  while (start <= packed.size()) {
    auto end = packed.find(kStepSeparator, start);
    if (end == std::string_view::npos) end = packed.size();
    auto step = packed.substr(start, end - start);
    auto part = step.find(kPartSeparator);
    if (part == std::string_view::npos) {
      steps.push_back({"", std::string(step)});
    } else {
      steps.push_back({std::string(step.substr(0, part)), std::string(step.substr(part + 1))});
    }
    start = end + 1;
  }
  return steps;
}

}  // namespace frontline::core
