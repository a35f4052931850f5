// What every libcurl user (SMTP, IMAP, the mailgate) needs: one-time global initialisation
// and a write callback that appends the response to a std::string.
#pragma once

#include <cstddef>
#include <string>

namespace frontline::channels::email {

void init_curl();  // idempotent, thread-safe; curl_global_init is not

// For CURLOPT_WRITEFUNCTION with CURLOPT_WRITEDATA pointing at a std::string.
std::size_t append_to_string(char* data, std::size_t size, std::size_t n, void* out);

}  // namespace frontline::channels::email
