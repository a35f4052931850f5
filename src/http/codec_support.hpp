// What the JSON codecs share: ISO-8601 times, nullable ids and {"items": [...]} lists. Only
// codec files include this header (Boost.JSON stays in the codecs). Pure functions; thread-safe.
#pragma once

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace frontline::http {
namespace json = boost::json;

// "2026-01-02T03:04:05Z" (UTC).
std::string iso8601(core::UnixTime t);

inline json::value opt_id(const std::optional<core::Id>& id) {
  return id ? json::value(*id) : json::value(nullptr);
}

template <typename T, typename F>
std::string items_json(const std::vector<T>& items, F&& to_object) {
  json::array arr;
  for (const auto& i : items) arr.push_back(to_object(i));
  return json::serialize(json::object{{"items", std::move(arr)}});
}

}  // namespace frontline::http
