// libFuzzer target for CSV cells: any value must come back unchanged (but for the guard quote)
// when the cell is read as RFC 4180, and no cell may start a spreadsheet formula.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "http/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view value(reinterpret_cast<const char*>(data), size);
  const std::string cell = frontline::http::csv_field(value);
  std::string read;
  if (!cell.empty() && cell.front() == '"') {
    if (cell.size() < 2 || cell.back() != '"') __builtin_trap();
    for (std::size_t i = 1; i + 1 < cell.size(); ++i) {
      if (cell[i] == '"') {
        if (cell[i + 1] != '"') __builtin_trap();  // a lone quote inside a quoted cell
        ++i;
      }
      read += cell[i];
    }
  } else {
    if (cell.find_first_of(",\"\r\n") != std::string::npos) __builtin_trap();
    read = cell;
  }
  const bool guarded =
      !read.empty() && read.front() == '\'' && (value.empty() || read.substr(1) == value);
  if (read != value && !guarded) __builtin_trap();
  if (!read.empty() && std::string_view("=+-@\t\r").find(read.front()) != std::string_view::npos) {
    __builtin_trap();
  }
  return 0;
}
