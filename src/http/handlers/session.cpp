// POST /api/v1/session {"email","password"} signs in: sets the HttpOnly, SameSite=Lax session
// cookie and returns the caller with the CSRF token for later writes. DELETE signs out.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/router.hpp"
#include "http/user_codec.hpp"

namespace frontline::http::handlers {
namespace {

std::string cookie(const std::string& value, long max_age, bool secure) {
  return std::string(kSessionCookie) + "=" + value +
         "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

}  // namespace

Response signed_in(const app::NewSession& session, Services& s) {
  auto res = Response::json(200, me_json(session.actor, session.csrf_token));
  res.header("Set-Cookie",
             cookie(session.token, static_cast<long>(s.ctx.limits.session_days) * 86400,
                    s.settings.secure_cookies));
  res.header("Cache-Control", "no-store");
  return res;
}

Response session_post(Request& req, Services& s) {
  // Sign-in CSRF: a cross-site form could otherwise sign a victim into the attacker's account.
  // A form cannot send application/json, and a browser names the page it posts from.
  if (!is_json(req.content_type)) return unsupported_media_type("application/json");
  if (!same_origin(req)) {
    return problem(
        core::make_error(core::Errc::forbidden, "sign in from this site's own sign-in page"));
  }
  auto input = decode_login(req.body);
  if (!input) return problem(input.error());
  auto signin = s.auth.login(input->email, input->password, req.remote_address, req.redispatched);
  if (!signin) return problem(signin.error());
  if (!signin->session) {
    Response later;
    later.redispatch_after_seconds = static_cast<int>(signin->wait_seconds);
    return later;
  }
  return signed_in(*signin->session, s);
}

Response session_delete(Request& req, Services& s) {
  if (req.via_session) {
    auto out = s.auth.logout(req.session_token);
    if (!out) return problem(out.error());
  }
  Response res = Response::no_content();
  res.header("Set-Cookie", cookie("", 0, s.settings.secure_cookies));
  return res;
}

}  // namespace frontline::http::handlers
