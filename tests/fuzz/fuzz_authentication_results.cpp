// libFuzzer target for Authentication-Results: any header value must not crash the parser or
// the sender rule; a parsed header always has an authserv-id, and lower-case method names.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "channels/email/authentication_results.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // The first line (if any) is the From domain, the rest the header value.
  const auto nl = input.find('\n');
  const auto domain = nl == std::string_view::npos ? std::string_view() : input.substr(0, nl);
  const auto value = nl == std::string_view::npos ? input : input.substr(nl + 1);
  const auto results = frontline::channels::email::parse_authentication_results(value);
  if (!results) return 0;
  if (results->authserv_id.empty()) __builtin_trap();
  for (const auto& r : results->results) {
    for (char c : r.method) {
      if (c >= 'A' && c <= 'Z') __builtin_trap();
    }
  }
  (void)frontline::channels::email::sender_authenticated(*results, domain);
  return 0;
}
