// libFuzzer target for the search box parser: arbitrary bytes must never crash
// parse_search_query or to_fts5_match, and a parsed query must yield well-formed FTS5 text.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/search_query.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto query = frontline::core::parse_search_query(text);
  if (!query.ok()) {
    if (query.error().code != frontline::core::Errc::bad_input) __builtin_trap();
    return 0;
  }
  const std::string match = frontline::core::to_fts5_match(*query);
  // Every FTS5 string is opened and closed, and inner quotes are doubled: the count is even.
  if (std::count(match.begin(), match.end(), '"') % 2 != 0) __builtin_trap();
  if (match.empty() != query->empty_text()) __builtin_trap();
  return 0;
}
