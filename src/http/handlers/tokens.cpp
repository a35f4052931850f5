// /api/v1/tokens — API tokens. POST returns the token once (only its hash is stored); GET lists
// names and dates; DELETE revokes.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/token_codec.hpp"

namespace frontline::http::handlers {

Response tokens_get(Request& req, Services& s) {
  return reply(s.auth.tokens(req.caller()), 200, tokens_json);
}

Response token_delete(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("token");
  auto revoked = s.auth.revoke_token(req.caller(), *id);
  if (!revoked) return problem(revoked.error());
  return Response::no_content();
}

Response tokens_post(Request& req, Services& s) {
  auto input = decode_token_request(req.body);
  if (!input) return problem(input.error());
  const auto& actor = req.caller();
  std::string email = input->email.empty() ? actor.email : input->email;
  return reply(s.auth.issue_token(actor, email, input->name), 201, token_json);
}

}  // namespace frontline::http::handlers
