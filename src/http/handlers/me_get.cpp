// GET /api/v1/me — the caller with their time zone and preferences and the server's size limits;
// with a cookie session, also the CSRF token the web app needs.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/user_codec.hpp"

namespace frontline::http::handlers {

Response me_get(Request& req, Services& s) {
  auto profile = s.accounts.profile(req.caller());
  if (!profile) return problem(profile.error());
  auto res = Response::json(200, me_json(req.caller(), req.session_csrf, &*profile, &s.ctx.limits));
  res.header("Cache-Control", "no-store");
  return res;
}

}  // namespace frontline::http::handlers
