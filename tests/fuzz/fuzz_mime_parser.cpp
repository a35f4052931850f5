// libFuzzer target: any bytes as an email. The parser must not crash and must always return
// valid UTF-8 text and subject (they go into the database and the search index).
#include <cstdint>
#include <cstdlib>
#include <string_view>

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
  return 0;
}
