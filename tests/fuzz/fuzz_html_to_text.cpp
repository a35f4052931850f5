// libFuzzer target for HTML → text: any bytes must not crash html_to_text, valid UTF-8 in must
// give valid UTF-8 out (it goes into the database and the search index), and the output is never
// longer than the input (tags, comments and whitespace runs shrink; no entity decodes longer).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "channels/email/html_to_text.hpp"
#include "core/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  const auto text = frontline::channels::email::html_to_text(html);
  if (frontline::core::is_valid_utf8(html) && !frontline::core::is_valid_utf8(text)) {
    __builtin_trap();
  }
  if (text.size() > html.size()) __builtin_trap();
  return 0;
}
