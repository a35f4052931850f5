// Routes requests to handlers: matches method and path pattern, authenticates the caller
// (session cookie or bearer token), enforces CSRF on cookie-authenticated writes, and turns any
// unexpected exception into a 500. Immutable after construction; thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/request.hpp"
#include "http/services.hpp"

namespace frontline::http {

using Handler = std::function<Response(Request&, Services&)>;

// anyone: credentials are optional; signed_in: required; own_token: the handler checks a token
// of its own (the metrics token) and the router reads no credentials.
enum class Access { anyone, signed_in, own_token };

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/tickets/{number}/messages"
  Access access = Access::signed_in;
  // Runs on the blocking pool: writes (group commit waits for fsync) and password hashing.
  bool blocking = false;
  Handler handler;
  std::string name;  // for metrics; defaults to "METHOD pattern"
};

struct RouteMatch {
  int index = -1;             // -1: no route
  bool path_matched = false;  // some route has this path (for 405)
  bool blocking = false;
};

class Router {
 public:
  explicit Router(std::vector<Route> routes);

  RouteMatch match(Request& req) const;  // fills req.path_params
  // Before a large body is read: a problem when the route does not exist or wants a signed-in
  // caller and the request's credentials (headers only) name none, so a stranger cannot make
  // the server read megabytes. dispatch() authenticates again with the full request.
  std::optional<Response> admit_before_body(const RouteMatch& m, Request& req,
                                            Services& services) const;
  Response dispatch(const RouteMatch& m, Request& req, Services& services) const;
  std::vector<std::string> route_names() const;

 private:
  // Which routes' patterns match these path segments; fills params for the first one.
  bool pattern_matches(std::size_t route, const std::vector<std::string>& parts,
                       std::vector<std::string>* params) const;
  // The methods a path accepts, comma-separated (the Allow header of a 405).
  std::string allowed_methods(const std::string& path) const;

  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;
};

// Fills req.actor from a bearer token or the session cookie; a problem when a credential is
// present but not valid (a request without credentials is simply anonymous) or when a
// cookie-signed write lacks its CSRF token. Long-lived sockets call it again to re-check.
std::optional<Response> authenticate(Request& req, Services& services);

// The session cookie's name.
inline constexpr const char* kSessionCookie = "fl_session";

}  // namespace frontline::http
