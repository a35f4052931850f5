// GMime helpers (see header).
#include "channels/email/gmime_support.hpp"

#include <mutex>

namespace frontline::channels::email {

void init_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

std::string memory_stream_bytes(GMimeStream* stream) {
  GByteArray* arr = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
  return std::string(reinterpret_cast<const char*>(arr->data), arr->len);
}

}  // namespace frontline::channels::email
