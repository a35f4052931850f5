// HTML sanitising (see header). Output is built only from what the allowlist names, with every
// attribute value escaped, so nothing the sender wrote reaches a browser as markup of its own.
#include "channels/email/html_sanitizer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <vector>

#include "core/text.hpp"

namespace frontline::channels::email {
namespace {

constexpr std::array<std::string_view, 31> kAllowedTags = {
    "a",     "b",    "blockquote", "br",  "caption", "code",  "div",   "em", "h1", "h2",  "h3",
    "h4",    "h5",   "h6",         "hr",  "i",       "img",   "li",    "ol", "p",  "pre", "s",
    "small", "span", "strong",     "sub", "sup",     "table", "tbody", "td", "u"};
constexpr std::array<std::string_view, 5> kAllowedTableTags = {"tfoot", "th", "thead", "tr", "ul"};
// Dropped together with everything inside them.
constexpr std::array<std::string_view, 12> kDroppedWithContent = {
    "script", "style", "head", "title",    "iframe",   "object",
    "embed",  "svg",   "math", "template", "noscript", "frameset"};
constexpr std::array<std::string_view, 4> kVoidTags = {"br", "hr", "img", "wbr"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& set, std::string_view s) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// Text between tags: entities the sender wrote stay entities; everything else is escaped.
void text_into(std::string& out, std::string_view text, CpuBudget* budget) {
  std::size_t i = 0;
  while (i < text.size() && tick(budget)) {
    if (text[i] == '&') {
      std::size_t j = i + 1;
      while (j < text.size() && j - i <= 10 &&
             (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '#')) {
        ++j;
      }
      if (j < text.size() && text[j] == ';' && j > i + 1) {
        out.append(text.substr(i, j - i + 1));
        i = j + 1;
        continue;
      }
    }
    core::append_html_escaped(out, text.substr(i, 1));
    ++i;
  }
}

struct Attribute {
  std::string name;
  std::string value;
};

std::vector<Attribute> parse_attributes(std::string_view s) {
  std::vector<Attribute> out;
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < s.size() && (std::isspace(static_cast<unsigned char>(s[i])) || s[i] == '/')) ++i;
  };
  while (true) {
    skip_space();
    if (i >= s.size()) break;
    std::size_t start = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) && s[i] != '=' &&
           s[i] != '/') {
      ++i;
    }
    Attribute a{core::to_lower_ascii(s.substr(start, i - start)), ""};
    skip_space();
    if (i < s.size() && s[i] == '=') {
      ++i;
      while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        char q = s[i++];
        std::size_t end = s.find(q, i);
        if (end == std::string_view::npos) end = s.size();
        a.value = std::string(s.substr(i, end - i));
        i = end + 1;
      } else {
        std::size_t vs = i;
        while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        a.value = std::string(s.substr(vs, i - vs));
      }
    }
    if (!a.name.empty()) out.push_back(std::move(a));
  }
  return out;
}

// A URL without the spaces and control characters in it: browsers ignore some ("java\tscript:"
// is javascript:) and turn NUL into U+FFFD, so the URL is checked and written in this one form —
// what the scheme check saw is what the browser gets ("ci\0d:" was checked as cid: but written
// with its NUL).
std::string compact_url(std::string_view url) {
  std::string compact;
  for (char c : url) {
    if (static_cast<unsigned char>(c) > 0x20 && c != 0x7F) compact += c;
  }
  return compact;
}

bool has_scheme(std::string_view url, std::initializer_list<std::string_view> schemes) {
  const std::string lower = core::to_lower_ascii(url.substr(0, 8));
  for (auto scheme : schemes) {
    if (lower.rfind(scheme, 0) == 0) return true;
  }
  return false;
}

void tag_into(std::string& out, const std::string& name, const std::vector<Attribute>& attrs) {
  out += '<';
  out += name;
  for (const auto& a : attrs) {
    std::string value = a.value;
    bool keep = false;
    if (name == "a" && a.name == "href") {
      value = compact_url(a.value);
      keep = has_scheme(value, {"http:", "https:", "mailto:"});
    } else if (name == "img" && a.name == "src") {
      value = compact_url(a.value);
      keep = has_scheme(value, {"cid:"});
    } else {
      keep = (name == "img" && a.name == "alt") ||
             ((name == "td" || name == "th") && (a.name == "colspan" || a.name == "rowspan") &&
              !a.value.empty() && a.value.size() < 4 &&
              std::all_of(a.value.begin(), a.value.end(),
                          [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }));
    }
    if (!keep) continue;
    out += ' ';
    out += a.name;
    out += "=\"";
    core::append_html_escaped(out, value);
    out += '"';
  }
  if (name == "a") out += " rel=\"noopener noreferrer nofollow\"";
  out += '>';
}

}  // namespace

std::string sanitize_html(std::string_view html, CpuBudget* budget) {
  std::string out;
  out.reserve(html.size());
  std::size_t i = 0;
  while (i < html.size() && tick(budget)) {
    auto lt = html.find('<', i);
    if (lt == std::string_view::npos) {
      text_into(out, html.substr(i), budget);
      break;
    }
    text_into(out, html.substr(i, lt - i), budget);
    // As browsers do: "<" not followed by a tag name, "/", "!" or "?" is text.
    const char next = lt + 1 < html.size() ? html[lt + 1] : ' ';
    if (!std::isalpha(static_cast<unsigned char>(next)) && next != '/' && next != '!' &&
        next != '?') {
      out += "&lt;";
      i = lt + 1;
      continue;
    }
    if (html.compare(lt, 4, "<!--") == 0) {
      auto end = html.find("-->", lt + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    auto gt = html.find('>', lt);
    if (gt == std::string_view::npos) break;  // an unterminated tag: drop the rest
    std::string_view inside = html.substr(lt + 1, gt - lt - 1);
    i = gt + 1;
    const bool closing = !inside.empty() && inside[0] == '/';
    if (closing) inside.remove_prefix(1);
    std::size_t n = 0;
    while (n < inside.size() && std::isalnum(static_cast<unsigned char>(inside[n]))) ++n;
    const std::string name = core::to_lower_ascii(inside.substr(0, n));
    if (name.empty()) continue;  // <!doctype>, <?xml?>, stray "<"
    if (!closing && one_of(kDroppedWithContent, name)) {
      auto close = core::find_ignoring_case(html, "</" + name, i);
      if (close == std::string_view::npos) break;
      auto close_end = html.find('>', close);
      i = close_end == std::string_view::npos ? html.size() : close_end + 1;
      continue;
    }
    if (!one_of(kAllowedTags, name) && !one_of(kAllowedTableTags, name)) continue;
    if (closing) {
      if (!one_of(kVoidTags, name)) out += "</" + name + ">";
    } else {
      tag_into(out, name, parse_attributes(inside.substr(n)));
    }
  }
  return out;
}

}  // namespace frontline::channels::email
