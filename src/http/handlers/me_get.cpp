// GET /api/v1/me — the caller; with a cookie session, also the CSRF token the web app needs.
#include "app/auth.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_codec.hpp"

namespace frontline::http::handlers {

Response me_get(Request& req, Services& s) {
  std::string csrf;
  if (req.via_session) {
    auto session = s.auth.session(req.session_token);
    if (session) csrf = session->csrf_token;
  }
  auto res = Response::json(200, me_json(req.caller(), csrf));
  res.header("Cache-Control", "no-store");
  return res;
}

}  // namespace frontline::http::handlers
