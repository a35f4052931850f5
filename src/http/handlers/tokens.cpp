// /api/v1/tokens — API tokens. POST returns the token once; only its hash is stored.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_codec.hpp"

namespace frontline::http::handlers {

Response tokens_post(Request& req, Services& s) {
  auto input = decode_token_request(req.body);
  if (!input) return problem(input.error());
  const auto& actor = req.caller();
  std::string email = input->email.empty() ? actor.email : input->email;
  return reply(s.auth.issue_token(actor, email, input->name), 201, token_json);
}

}  // namespace frontline::http::handlers
