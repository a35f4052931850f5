// multipart/form-data (RFC 7578) parsing for uploads: text fields and files. Pure; thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "app/tickets.hpp"
#include "core/result.hpp"

namespace frontline::http {

struct FormData {
  std::map<std::string, std::string> fields;  // parts without a filename
  std::vector<app::NewAttachment> files;      // parts with a filename
};

// Whether a Content-Type announces multipart/form-data.
inline bool is_multipart(std::string_view content_type) {
  return content_type.rfind("multipart/form-data", 0) == 0;
}

// Whether a body is an upload (files or a whole email) rather than JSON: it gets the
// attachment size limit instead of the JSON one.
inline bool is_upload(std::string_view content_type) {
  return is_multipart(content_type) || content_type.rfind("message/rfc822", 0) == 0;
}

// bad_input for a missing boundary, an unterminated body or a part without a name.
core::Result<FormData> parse_multipart(std::string_view content_type, std::string_view body);

}  // namespace frontline::http
