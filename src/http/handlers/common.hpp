// Small helpers the handlers share: path ids, ETags, and Result → Response.
#pragma once

#include <algorithm>
#include <optional>
#include <span>
#include <string>

#include "core/result.hpp"
#include "http/problem.hpp"
#include "http/request.hpp"
#include "http/request_decoding.hpp"

namespace frontline::http::handlers {

// The ticket number in path_params[index], or nullopt (answered as 404).
inline std::optional<core::Id> path_id(const Request& req, std::size_t index = 0) {
  if (index >= req.path_params.size()) return std::nullopt;
  return parse_positive_id(req.path_params[index]);
}

inline Response no_such(const char* what) {
  return problem(core::Errc::not_found, std::string(what) + " not found");
}

inline std::string etag(std::int64_t version) { return "\"" + std::to_string(version) + "\""; }

// The version named by an If-Match header ("3" or W/"3"), or nullopt when absent or "*".
inline core::Result<std::optional<std::int64_t>> if_match_version(const Request& req) {
  std::string_view v = req.if_match;
  if (v.empty() || v == "*") return std::optional<std::int64_t>();
  if (v.substr(0, 2) == "W/") v.remove_prefix(2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  auto id = parse_positive_id(v);
  if (!id) {
    return core::make_error(core::Errc::bad_input, "If-Match is not an ETag this server issued",
                            {{"If-Match", "malformed"}});
  }
  return std::optional<std::int64_t>(*id);
}

// A problem naming the first query parameter in neither list, else nullopt.
inline std::optional<Response> unknown_query_param(const Request& req,
                                                   std::span<const std::string_view> allowed,
                                                   std::span<const std::string_view> also = {}) {
  auto in = [](std::span<const std::string_view> names, const std::string& key) {
    return std::find(names.begin(), names.end(), key) != names.end();
  };
  for (const auto& [key, value] : req.query) {
    if (!in(allowed, key) && !in(also, key)) {
      return problem(core::make_error(core::Errc::bad_input, "unknown query parameter " + key,
                                      {{key, "unknown parameter"}}));
    }
  }
  return std::nullopt;
}

// Encodes a successful result with encode(value), or maps the error.
template <typename T, typename Encode>
Response reply(const core::Result<T>& r, unsigned status, Encode&& encode) {
  if (!r) return problem(r.error());
  return Response::json(status, encode(r.value()));
}

}  // namespace frontline::http::handlers
