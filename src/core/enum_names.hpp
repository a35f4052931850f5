// The string forms of an enum, as an array of names indexed by the enum's value (the enum's
// values run 0, 1, 2, … in the array's order): one table gives both directions.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace frontline::core {

template <typename E, typename Names>
std::string_view name_in(const Names& names, E value) {
  return names[static_cast<std::size_t>(value)];
}

template <typename E, typename Names>
std::optional<E> parse_in(const Names& names, std::string_view s) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (s == names[i]) return static_cast<E>(i);
  }
  return std::nullopt;
}

}  // namespace frontline::core
