// libFuzzer target: any bytes as an email. The parser must not crash and must always return
// valid UTF-8 text and subject (they go into the database and the search index).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "channels/email/html_sanitizer.hpp"
#include "channels/email/html_to_text.hpp"
#include "channels/email/mime_parser.hpp"
#include "core/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  auto m = frontline::channels::email::parse_message(raw);
  if (!frontline::core::is_valid_utf8(m.text) || !frontline::core::is_valid_utf8(m.subject) ||
      !frontline::core::is_valid_utf8(m.from_name)) {
    std::abort();
  }
  if (!frontline::core::is_valid_utf8(frontline::channels::email::html_to_text(m.text))) {
    std::abort();
  }
  // Whatever the bytes, every tag in the sanitised HTML is one we wrote: allowlisted name,
  // allowlisted attributes with quoted values (values are escaped, so '>' ends the tag).
  const std::string safe = frontline::channels::email::sanitize_html(raw);
  for (std::size_t lt = safe.find('<'); lt != std::string::npos; lt = safe.find('<', lt + 1)) {
    const std::size_t gt = safe.find('>', lt);
    if (gt == std::string::npos) std::abort();
    const std::string tag = safe.substr(lt + 1, gt - lt - 1);
    const std::string lowered = frontline::core::to_lower_ascii(tag);
    if (lowered.rfind("script", 0) == 0 || lowered.rfind("iframe", 0) == 0) std::abort();
    for (std::size_t eq = tag.find('='); eq != std::string::npos; eq = tag.find('=', eq + 1)) {
      const std::size_t space = tag.rfind(' ', eq);
      const std::string name = tag.substr(space + 1, eq - space - 1);
      if (name != "href" && name != "src" && name != "alt" && name != "colspan" &&
          name != "rowspan" && name != "rel") {
        std::abort();
      }
      if (eq + 1 >= tag.size() || tag[eq + 1] != '"') std::abort();
      eq = tag.find('"', eq + 2);  // skip the value
      if (eq == std::string::npos) std::abort();
    }
  }
  return 0;
}
