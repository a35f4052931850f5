// HTML → text (see header). A small scanner rather than a DOM: mail HTML is often broken, and
// all we need is the words in order with sensible line breaks.
#include "channels/email/html_to_text.hpp"

#include <array>
#include <cctype>
#include <cstdint>

#include "core/text.hpp"

namespace frontline::channels::email {
namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The longest entity we decode, "&" to ";" inclusive ("&#x10FFFF;", "&hellip;").
constexpr std::size_t kMaxEntityBytes = 11;

// Decodes the entity starting at html[i] == '&'; returns the characters consumed (0: not one).
// The ';' is looked for only within an entity's length: searching the rest of the text for every
// '&' made "&&&&…" quadratic.
std::size_t decode_entity(std::string_view html, std::size_t i, std::string& out) {
  auto semi = html.substr(i, kMaxEntityBytes).find(';');
  if (semi == std::string_view::npos) return 0;
  semi += i;
  std::string_view name = html.substr(i + 1, semi - i - 1);
  if (name.size() > 1 && name[0] == '#') {
    std::uint32_t cp = 0;
    bool hex = name[1] == 'x' || name[1] == 'X';
    for (std::size_t k = hex ? 2 : 1; k < name.size(); ++k) {
      char c = name[k];
      int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
              : hex && std::isxdigit(static_cast<unsigned char>(c))
                  ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                  : -1;
      if (d < 0 || cp > 0x10FFFF) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
    }
    append_utf8(out, cp);
    return semi - i + 1;
  }
  static constexpr std::array<std::pair<std::string_view, std::uint32_t>, 9> kNamed = {{
      {"amp", '&'},
      {"lt", '<'},
      {"gt", '>'},
      {"quot", '"'},
      {"apos", '\''},
      {"nbsp", 0xA0},
      {"copy", 0xA9},
      {"euro", 0x20AC},
      {"hellip", 0x2026},
  }};
  for (auto [n, cp] : kNamed) {
    if (name == n) {
      append_utf8(out, cp == 0xA0 ? ' ' : cp);
      return semi - i + 1;
    }
  }
  return 0;
}

bool is_block(const std::string& tag) {
  static constexpr std::array<std::string_view, 18> kBlocks = {
      "p",  "div", "br", "tr", "li",    "h1",         "h2",  "h3", "h4",
      "h5", "h6",  "ul", "ol", "table", "blockquote", "pre", "hr", "section"};
  for (auto b : kBlocks) {
    if (tag == b) return true;
  }
  return false;
}

}  // namespace

std::string html_to_text(std::string_view html, CpuBudget* budget) {
  std::string out;
  out.reserve(html.size() / 2);
  bool space_pending = false;
  auto newline = [&] {
    space_pending = false;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    // At most one blank line in a row.
    if (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') return;
    if (!out.empty()) out += '\n';
  };
  std::size_t i = 0;
  while (i < html.size() && tick(budget)) {
    char c = html[i];
    if (c == '<') {
      if (html.compare(i, 4, "<!--") == 0) {
        auto end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      auto end = html.find('>', i);
      if (end == std::string_view::npos) break;
      std::string_view inside = html.substr(i + 1, end - i - 1);
      bool closing = !inside.empty() && inside[0] == '/';
      if (closing) inside.remove_prefix(1);
      std::size_t n = 0;
      while (n < inside.size() && std::isalnum(static_cast<unsigned char>(inside[n]))) ++n;
      std::string tag = core::to_lower_ascii(inside.substr(0, n));
      i = end + 1;
      if (!closing && (tag == "script" || tag == "style" || tag == "head" || tag == "title")) {
        auto close = core::find_ignoring_case(html, "</" + tag, i);
        i = close == std::string_view::npos ? html.size() : close;
        continue;
      }
      if (is_block(tag)) newline();
      continue;
    }
    if (c == '&') {
      std::string decoded;
      if (auto used = decode_entity(html, i, decoded)) {
        if (space_pending && !out.empty() && out.back() != '\n') out += ' ';
        space_pending = false;
        out += decoded;
        i += used;
        continue;
      }
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space_pending = true;
      ++i;
      continue;
    }
    if (space_pending && !out.empty() && out.back() != '\n') out += ' ';
    space_pending = false;
    out += c;
    ++i;
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace frontline::channels::email
