// GET /api/v1/me — the caller; with a cookie session, also the CSRF token the web app needs.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_codec.hpp"

namespace frontline::http::handlers {

Response me_get(Request& req, Services& s) {
  auto res = Response::json(200, me_json(req.caller(), req.session_csrf));
  res.header("Cache-Control", "no-store");
  return res;
}

}  // namespace frontline::http::handlers
