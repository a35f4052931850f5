// libFuzzer target for what the service directory reads from people: the search box's host
// (core::normalise_host: the answer is empty or a host that normalises to itself — but for a
// second "www." — in lower case, with no scheme, path, user info or port left), the bodies of POST
// and PATCH /services (never a crash; whatever decodes has a call tree that survives packing into
// its column), and packed call trees read back from a column.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/service.hpp"
#include "http/service_codec.hpp"

namespace {

void check_host(std::string_view input) {
  const std::string host = frontline::core::normalise_host(input);
  if (host.empty()) return;
  // Only one leading "www." goes, so "www.www.x" normalises to "www.x" and then to "x".
  if (host.rfind("www.", 0) != 0 && frontline::core::normalise_host(host) != host) {
    __builtin_trap();
  }
  if (host.find_first_of("/?#@ ") != std::string::npos) __builtin_trap();
  for (char c : host) {
    if (c >= 'A' && c <= 'Z') __builtin_trap();
  }
  if (host.front() != '[' && host.find(':') != std::string::npos) __builtin_trap();
}

void check_bodies(std::string_view body) {
  for (const auto& decoded :
       {frontline::http::decode_new_service(body), frontline::http::decode_service_changes(body)}) {
    if (!decoded || !decoded->contacts) continue;
    for (const auto& contact : *decoded->contacts) {
      bool packable = true;
      for (const auto& step : contact.call_tree) {
        packable = packable && step.press.find_first_of("\x1e\x1f") == std::string::npos &&
                   step.then.find_first_of("\x1e\x1f") == std::string::npos;
      }
      // The app refuses the separators; every other tree comes back as it went in.
      const auto packed = frontline::core::pack_call_tree(contact.call_tree);
      if (packable && frontline::core::unpack_call_tree(packed) != contact.call_tree) {
        __builtin_trap();
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check_host(input);
  check_bodies(input);
  (void)frontline::core::unpack_call_tree(input);
  return 0;
}
