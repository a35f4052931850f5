// libcurl helpers (see header).
#include "channels/email/curl_support.hpp"

#include <curl/curl.h>

#include <mutex>

namespace frontline::channels::email {

void init_curl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t append_to_string(char* data, std::size_t size, std::size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

}  // namespace frontline::channels::email
