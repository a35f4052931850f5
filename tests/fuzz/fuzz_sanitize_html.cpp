// libFuzzer target for the HTML sanitiser: any bytes must not crash sanitize_html, and what it
// returns must hold nothing active: no tag outside the allowlist, no event handler or style
// attribute, no script URL — checked by reading the output back as tags.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "channels/email/html_sanitizer.hpp"
#include "core/text.hpp"

namespace {

constexpr std::array<std::string_view, 36> kAllowed = {
    "a",     "b",     "blockquote", "br", "caption", "code", "div",    "em",  "h1",
    "h2",    "h3",    "h4",         "h5", "h6",      "hr",   "i",      "img", "li",
    "ol",    "p",     "pre",        "s",  "small",   "span", "strong", "sub", "sup",
    "table", "tbody", "td",         "u",  "tfoot",   "th",   "thead",  "tr",  "ul"};

// Reads one tag we wrote ("name", then ` attr="value"` pairs) and checks it against the allowlist.
bool allowed_tag(std::string_view tag) {
  if (!tag.empty() && tag.front() == '/') tag.remove_prefix(1);
  const auto name = tag.substr(0, tag.find(' '));
  if (std::find(kAllowed.begin(), kAllowed.end(), name) == kAllowed.end()) return false;
  tag.remove_prefix(name.size());
  while (!tag.empty()) {
    if (tag.front() != ' ') return false;
    const auto eq = tag.find("=\"");
    if (eq == std::string_view::npos) return false;
    const auto attr = tag.substr(1, eq - 1);
    const auto close = tag.find('"', eq + 2);
    if (close == std::string_view::npos) return false;
    const std::string value = frontline::core::to_lower_ascii(tag.substr(eq + 2, close - eq - 2));
    const bool ok = (attr == "href" && (value.starts_with("http:") || value.starts_with("https:") ||
                                        value.starts_with("mailto:"))) ||
                    (attr == "src" && value.starts_with("cid:")) || attr == "alt" ||
                    attr == "rel" || ((attr == "colspan" || attr == "rowspan") && value.size() < 4);
    if (!ok) return false;
    tag.remove_prefix(close + 1);
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  const std::string out = frontline::channels::email::sanitize_html(html);
  // Every '<' in the output opens a tag we wrote (text and attribute values are escaped).
  for (std::size_t lt = out.find('<'); lt != std::string::npos; lt = out.find('<', lt + 1)) {
    const auto gt = out.find('>', lt);
    if (gt == std::string::npos) __builtin_trap();
    if (!allowed_tag(std::string_view(out).substr(lt + 1, gt - lt - 1))) __builtin_trap();
  }
  return 0;
}
