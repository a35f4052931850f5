// Route matching, authentication and CSRF (see header).
#include "http/router.hpp"

#include <spdlog/spdlog.h>

#include <exception>

#include "http/problem.hpp"

namespace frontline::http {
namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    std::size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.emplace_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string cookie_value(std::string_view header, std::string_view name) {
  std::size_t i = 0;
  while (i < header.size()) {
    while (i < header.size() && (header[i] == ' ' || header[i] == ';')) ++i;
    std::size_t end = header.find(';', i);
    if (end == std::string_view::npos) end = header.size();
    auto pair = header.substr(i, end - i);
    auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
      return std::string(pair.substr(eq + 1));
    }
    i = end;
  }
  return {};
}

bool is_safe_method(const std::string& m) { return m == "GET" || m == "HEAD" || m == "OPTIONS"; }

}  // namespace

std::optional<Response> authenticate(Request& req, Services& s) {
  constexpr std::string_view kBearer = "Bearer ";
  if (req.authorization.size() > kBearer.size() &&
      std::string_view(req.authorization).substr(0, kBearer.size()) == kBearer) {
    auto actor = s.auth.bearer(std::string_view(req.authorization).substr(kBearer.size()));
    if (!actor) return problem(actor.error());
    req.actor = std::move(*actor);
    return std::nullopt;
  }
  std::string token = cookie_value(req.cookie, kSessionCookie);
  if (token.empty()) return std::nullopt;
  auto session = s.auth.session(token);
  if (!session) return std::nullopt;  // an expired cookie is just no identity
  req.actor = std::move(session->actor);
  req.via_session = true;
  req.session_token = std::move(token);
  req.session_csrf = session->csrf_token;
  if (!is_safe_method(req.method) && req.csrf_token != session->csrf_token) {
    return problem(core::make_error(core::Errc::forbidden,
                                    "missing or wrong X-CSRF-Token for a cookie-signed request",
                                    {{"X-CSRF-Token", "required"}}));
  }
  return std::nullopt;
}

Router::Router(std::vector<Route> routes) : routes_(std::move(routes)) {
  for (auto& r : routes_) {
    segments_.push_back(split_path(r.pattern));
    if (r.name.empty()) r.name = r.method + " " + r.pattern;
  }
}

std::vector<std::string> Router::route_names() const {
  std::vector<std::string> names;
  for (const auto& r : routes_) names.push_back(r.name);
  return names;
}

bool Router::pattern_matches(std::size_t route, const std::vector<std::string>& parts,
                             std::vector<std::string>* params) const {
  const auto& pattern = segments_[route];
  if (pattern.size() != parts.size()) return false;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (pattern[k].size() > 1 && pattern[k].front() == '{') {
      if (params) params->push_back(parts[k]);
    } else if (pattern[k] != parts[k]) {
      return false;
    }
  }
  return true;
}

std::string Router::allowed_methods(const std::string& path) const {
  auto parts = split_path(path);
  std::string allow;
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (!pattern_matches(i, parts, nullptr)) continue;
    if (!allow.empty()) allow += ", ";
    allow += routes_[i].method;
  }
  return allow;
}

// RouteMatch stays trivially copyable: it crosses into a coroutine on the blocking path.
RouteMatch Router::match(Request& req) const {
  RouteMatch m;
  auto parts = split_path(req.path);
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    std::vector<std::string> params;
    if (!pattern_matches(i, parts, &params)) continue;
    m.path_matched = true;
    if (routes_[i].method != req.method && !(req.method == "HEAD" && routes_[i].method == "GET")) {
      continue;
    }
    m.index = static_cast<int>(i);
    m.blocking = routes_[i].blocking;
    req.path_params = std::move(params);
    return m;
  }
  return m;
}

std::optional<Response> Router::admit_before_body(const RouteMatch& m, Request& req,
                                                  Services& s) const {
  if (m.index < 0) {
    if (m.path_matched) return method_not_allowed(req.method, allowed_methods(req.path));
    return problem(core::Errc::not_found, "no such resource: " + req.path);
  }
  const Route& route = routes_[static_cast<std::size_t>(m.index)];
  if (route.access == Access::own_token) return std::nullopt;
  try {
    if (auto denied = authenticate(req, s)) return denied;
  } catch (const std::exception& e) {
    spdlog::error("authenticating {} {}: {}", req.method, req.path, e.what());
    return problem(core::Errc::internal, "internal error; the server logged it");
  }
  if (route.access == Access::signed_in && !req.actor) {
    return problem(core::Errc::unauthenticated, "sign in or send a bearer token");
  }
  return std::nullopt;
}

Response Router::dispatch(const RouteMatch& m, Request& req, Services& s) const {
  if (m.index < 0) {
    if (m.path_matched) return method_not_allowed(req.method, allowed_methods(req.path));
    return problem(core::Errc::not_found, "no such resource: " + req.path);
  }
  const Route& route = routes_[static_cast<std::size_t>(m.index)];
  try {
    if (route.access == Access::own_token) return route.handler(req, s);
    if (auto denied = authenticate(req, s)) return *denied;
    if (route.access == Access::signed_in && !req.actor) {
      return problem(core::Errc::unauthenticated, "sign in or send a bearer token");
    }
    return route.handler(req, s);
  } catch (const store::StoreError& e) {
    // A handler that reached the store without in_read/in_write: still a 503, never the
    // database's own words.
    spdlog::error("store error in {} {}: {}", req.method, req.path, e.what());
    return problem(app::store_failure(e));
  } catch (const std::exception& e) {
    spdlog::error("unhandled error in {} {}: {}", req.method, req.path, e.what());
  } catch (...) {
    spdlog::error("unhandled error in {} {}", req.method, req.path);
  }
  return problem(core::Errc::internal, "internal error; the server logged it");
}

}  // namespace frontline::http
