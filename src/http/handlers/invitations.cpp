// Invitations: an admin invites someone (an account without a password and a link to choose
// one), and the person opens the link, sees whose account it is, and sets the password.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/request_decoding.hpp"
#include "http/user_codec.hpp"

namespace frontline::http::handlers {

// POST /api/v1/users/invite {"email","name","role","organization"?} → 201 the user with
// "invitation":{"expires_at","link"}; the link also goes out by mail.
Response users_invite_post(Request& req, Services& s) {
  auto input = decode_new_user(req.body);
  if (!input) return problem(input.error());
  if (!input->password.empty()) {
    return problem(core::invalid_field(
        "password", "an invited person chooses their own password: leave it out"));
  }
  return reply(s.invitations.invite(req.caller(), std::move(*input)), 201,
               [](const app::Invitation& inv) { return invitation_json(inv, true); });
}

// POST /api/v1/users/{id}/invite → 201 {"invitation":{…}}: a new link; earlier ones stop working.
Response user_invite_post(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("user");
  return reply(s.invitations.reissue(req.caller(), *id), 201,
               [](const app::Invitation& inv) { return invitation_json(inv, false); });
}

// GET /api/v1/invitations/{token} → {"email","name","expires_at"}; 404 used or unknown, 410
// expired. Anyone may ask: the token is the credential.
Response invitation_get(Request& req, Services& s) {
  if (req.path_params.empty()) return no_such("invitation");
  auto res = reply(s.invitations.check(req.path_params[0]), 200, invitation_view_json);
  res.header("Cache-Control", "no-store");
  return res;
}

// POST /api/v1/invitations/accept {"token","password"} → signed in, as POST /api/v1/session.
Response invitation_accept_post(Request& req, Services& s) {
  if (!is_json(req.content_type)) return unsupported_media_type("application/json");
  if (!same_origin(req)) {
    return problem(
        core::make_error(core::Errc::forbidden, "accept the invitation on this site's own page"));
  }
  auto input = decode_invitation_accept(req.body);
  if (!input) return problem(input.error());
  auto session = s.invitations.accept(input->token, input->password);
  if (!session) return problem(session.error());
  return signed_in(*session, s);
}

}  // namespace frontline::http::handlers
