// CSV cells (see header).
#include "http/csv.hpp"

namespace frontline::http {

std::string csv_field(std::string_view value) {
  std::string s;
  s.reserve(value.size() + 3);
  if (!value.empty() &&
      std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) {
    s += '\'';
  }
  s += value;
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string quoted = "\"";
  for (char c : s) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

}  // namespace frontline::http
