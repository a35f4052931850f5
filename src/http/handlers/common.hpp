// Small helpers the handlers share: path ids, ETags, and Result → Response.
#pragma once

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/text.hpp"
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

// The versions an If-Match header names (RFC 9110 13.1.1), or nullopt when it asks nothing
// (absent, or "*": the ticket exists, which the lookup checks anyway). Tags this server could
// not have issued are kept as matching no version, so "stale-etag-0" answers 412 like any other
// tag that does not match, never 400. W/"3" is read as "3": proxies weaken tags they pass on.
inline std::optional<std::vector<std::int64_t>> if_match_versions(const Request& req) {
  std::string_view v = req.if_match;
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  if (v.empty() || v == "*") return std::nullopt;
  std::vector<std::int64_t> versions;
  std::size_t start = 0;
  while (start <= v.size()) {
    std::size_t comma = v.find(',', start);
    if (comma == std::string_view::npos) comma = v.size();
    std::string_view tag = v.substr(start, comma - start);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"') {
      if (auto id = parse_positive_id(tag.substr(1, tag.size() - 2))) versions.push_back(*id);
    }
    start = comma + 1;
  }
  return versions;
}

// Whether a Content-Type names application/json (parameters such as charset allowed).
inline bool is_json(std::string_view content_type) {
  auto media = content_type.substr(0, content_type.find(';'));
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  return core::to_lower_ascii(media) == "application/json";
}

// Whether a browser sent this request from a page of this server: Origin (when present) names
// this host, and Sec-Fetch-Site (when present) says same-origin, or none for a typed address.
// Programs send neither, and pass.
inline bool same_origin(const Request& req) {
  if (!req.origin.empty() && req.origin != "http://" + req.host &&
      req.origin != "https://" + req.host) {
    return false;
  }
  return req.sec_fetch_site.empty() || req.sec_fetch_site == "same-origin" ||
         req.sec_fetch_site == "none";
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
