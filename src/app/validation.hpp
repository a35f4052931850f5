// Input checks shared by the use cases.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/text.hpp"

namespace frontline::app {

// The shortest password anyone may choose.
inline constexpr std::size_t kMinPasswordBytes = 8;

// A trimmed, non-empty, valid UTF-8 name of at most max_bytes.
inline core::Result<std::string> checked_name(std::string_view field, std::string_view raw,
                                              std::size_t max_bytes = 200) {
  std::string name(core::trim(raw));
  if (name.empty() || name.size() > max_bytes || !core::is_valid_utf8(name)) {
    return core::invalid_field(std::string(field),
                               "is required (1 to " + std::to_string(max_bytes) + " characters)");
  }
  return name;
}

}  // namespace frontline::app
