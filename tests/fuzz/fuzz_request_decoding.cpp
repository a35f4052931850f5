// libFuzzer target: request decoding (every JSON body decoder and the multipart parser) must
// answer any bytes with a value or a bad_input error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "http/multipart.hpp"
#include "http/request_decoding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  using namespace frontline::http;
  (void)decode_open_ticket(body);
  (void)decode_ticket_changes(body);
  (void)decode_new_message(body);
  (void)decode_login(body);
  (void)decode_ticket_reference(body, "into");
  (void)decode_new_user(body);
  (void)decode_user_changes(body);
  (void)decode_team(body);
  (void)parse_multipart("multipart/form-data; boundary=frontline", body);
  auto split = body.find('\n');
  if (split != std::string_view::npos) {
    (void)parse_multipart(body.substr(0, split), body.substr(split + 1));
  }
  return 0;
}
