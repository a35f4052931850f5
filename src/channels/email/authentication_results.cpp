// Authentication-Results parsing and the sender rule (see header). A single pass: comments and
// quoted strings are recognised as they come, so no position is read twice.
#include "channels/email/authentication_results.hpp"

#include <utility>

#include "core/text.hpp"

namespace frontline::channels::email {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Splits the value into ';'-separated statements of whitespace-separated words, dropping
// comments "(…)" (nested) and unquoting "…" (with \-escapes).
std::vector<std::vector<std::string>> statements(std::string_view v) {
  std::vector<std::vector<std::string>> out(1);
  std::string word;
  auto end_word = [&] {
    if (!word.empty()) out.back().push_back(std::move(word));
    word.clear();
  };
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (quoted) {
      if (c == '\\' && i + 1 < v.size()) {
        word += v[++i];
      } else if (c == '"') {
        quoted = false;
      } else {
        word += c;
      }
    } else if (depth > 0) {
      if (c == '\\') {
        ++i;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')') {
        --depth;
      }
    } else if (c == '(') {
      end_word();
      depth = 1;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ';') {
      end_word();
      out.emplace_back();
    } else if (is_space(c)) {
      end_word();
    } else {
      word += c;
    }
  }
  end_word();
  return out;
}

std::string domain_of(std::string_view address) {
  auto at = address.rfind('@');
  return core::to_lower_ascii(at == std::string_view::npos ? address : address.substr(at + 1));
}

// Relaxed alignment without a public-suffix list: the same domain, or one a subdomain of the
// other, where the shorter has at least two labels (so "com" aligns with nothing).
bool aligned(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  if (a.size() > b.size()) std::swap(a, b);
  if (a.find('.') == std::string_view::npos) return false;
  auto sub = [](std::string_view child, std::string_view parent) {
    return child.size() > parent.size() && child.ends_with(parent) &&
           child[child.size() - parent.size() - 1] == '.';
  };
  return a == b || sub(b, a);
}

}  // namespace

std::string AuthMethodResult::property(std::string_view name) const {
  for (const auto& [k, v] : properties) {
    if (k == name) return v;
  }
  return {};
}

std::optional<AuthenticationResults> parse_authentication_results(std::string_view value) {
  auto parts = statements(value);
  if (parts.front().empty()) return std::nullopt;
  AuthenticationResults out;
  out.authserv_id = core::to_lower_ascii(parts.front().front());
  for (std::size_t s = 1; s < parts.size(); ++s) {
    const auto& words = parts[s];
    if (words.empty()) continue;
    auto eq = words[0].find('=');
    if (eq == std::string::npos) continue;  // "none" or a malformed statement
    AuthMethodResult r;
    r.method = core::to_lower_ascii(words[0].substr(0, eq));
    if (auto slash = r.method.find('/'); slash != std::string::npos) r.method.resize(slash);
    r.result = core::to_lower_ascii(words[0].substr(eq + 1));
    for (std::size_t w = 1; w < words.size(); ++w) {
      auto peq = words[w].find('=');
      if (peq == std::string::npos) continue;
      r.properties.emplace_back(core::to_lower_ascii(words[w].substr(0, peq)),
                                words[w].substr(peq + 1));
    }
    out.results.push_back(std::move(r));
  }
  return out;
}

bool sender_authenticated(const AuthenticationResults& results, std::string_view from_domain) {
  const std::string from = core::to_lower_ascii(from_domain);
  if (from.empty()) return false;
  bool dmarc_seen = false;
  for (const auto& r : results.results) {
    if (r.method != "dmarc") continue;
    dmarc_seen = true;
    const auto header_from = r.property("header.from");
    if (r.result == "pass" && (header_from.empty() || domain_of(header_from) == from)) return true;
  }
  if (dmarc_seen) return false;  // DMARC spoke and did not pass
  for (const auto& r : results.results) {
    if (r.result != "pass") continue;
    if (r.method == "spf") {
      auto mailfrom = r.property("smtp.mailfrom");
      if (aligned(domain_of(mailfrom), from)) return true;
    } else if (r.method == "dkim") {
      auto d = r.property("header.d");
      if (d.empty()) d = domain_of(r.property("header.i"));
      if (aligned(core::to_lower_ascii(d), from)) return true;
    }
  }
  return false;
}

}  // namespace frontline::channels::email
