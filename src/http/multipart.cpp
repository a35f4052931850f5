// multipart/form-data parsing (see header).
#include "http/multipart.hpp"

#include "core/text.hpp"

namespace frontline::http {
namespace {

using core::Errc;
using core::make_error;

// The value of param (e.g. boundary, name, filename) in a header value; quotes removed.
std::string header_param(std::string_view value, std::string_view param) {
  std::size_t i = 0;
  while ((i = value.find(param, i)) != std::string_view::npos) {
    bool at_start = i == 0 || value[i - 1] == ';' || value[i - 1] == ' ';
    std::size_t eq = i + param.size();
    if (!at_start || eq >= value.size() || value[eq] != '=') {
      i = eq;
      continue;
    }
    std::size_t start = eq + 1;
    if (start < value.size() && value[start] == '"') {
      std::size_t end = value.find('"', start + 1);
      if (end == std::string_view::npos) return {};
      return std::string(value.substr(start + 1, end - start - 1));
    }
    std::size_t end = value.find(';', start);
    return std::string(core::trim(
        value.substr(start, end == std::string_view::npos ? value.size() - start : end - start)));
  }
  return {};
}

}  // namespace

core::Result<FormData> parse_multipart(std::string_view content_type, std::string_view body) {
  std::string boundary = header_param(content_type, "boundary");
  if (boundary.empty() || boundary.size() > 200) {
    return make_error(Errc::bad_input, "multipart body without a boundary");
  }
  const std::string delimiter = "--" + boundary;
  FormData form;
  std::size_t pos = body.find(delimiter);
  if (pos == std::string_view::npos)
    return make_error(Errc::bad_input, "multipart body has no parts");
  for (;;) {
    pos += delimiter.size();
    if (body.substr(pos, 2) == "--") return form;  // the closing delimiter
    if (body.substr(pos, 2) != "\r\n")
      return make_error(Errc::bad_input, "malformed multipart delimiter");
    pos += 2;
    std::size_t headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos)
      return make_error(Errc::bad_input, "multipart part without headers");
    std::string_view headers = body.substr(pos, headers_end - pos);
    std::size_t content_start = headers_end + 4;
    std::size_t next = body.find("\r\n" + delimiter, content_start);
    if (next == std::string_view::npos)
      return make_error(Errc::bad_input, "unterminated multipart body");
    std::string_view content = body.substr(content_start, next - content_start);

    std::string name, filename, part_type;
    bool has_filename = false;
    std::size_t line_start = 0;
    while (line_start <= headers.size()) {
      std::size_t line_end = headers.find("\r\n", line_start);
      if (line_end == std::string_view::npos) line_end = headers.size();
      std::string_view line = headers.substr(line_start, line_end - line_start);
      auto colon = line.find(':');
      if (colon != std::string_view::npos) {
        std::string key = core::to_lower_ascii(core::trim(line.substr(0, colon)));
        std::string_view value = core::trim(line.substr(colon + 1));
        if (key == "content-disposition") {
          name = header_param(value, "name");
          has_filename = value.find("filename=") != std::string_view::npos;
          filename = header_param(value, "filename");
        } else if (key == "content-type") {
          part_type = std::string(value);
        }
      }
      if (line_end == headers.size()) break;
      line_start = line_end + 2;
    }
    if (name.empty()) return make_error(Errc::bad_input, "multipart part without a name");
    if (has_filename) {
      // Keep only the last path component a browser may send.
      auto slash = filename.find_last_of("/\\");
      if (slash != std::string::npos) filename = filename.substr(slash + 1);
      form.files.push_back({filename, part_type, std::string(content)});
    } else {
      form.fields[name] = std::string(content);
    }
    pos = next + 2;
  }
}

}  // namespace frontline::http
