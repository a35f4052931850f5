// /api/v1/organizations — organisations and their "members see each other's tickets" flag.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/organization_codec.hpp"

namespace frontline::http::handlers {

Response organizations_get(Request& req, Services& s) {
  return reply(s.accounts.organizations(req.caller()), 200, organizations_json);
}

Response organizations_post(Request& req, Services& s) {
  auto input = decode_organization(req.body);
  if (!input) return problem(input.error());
  return reply(s.accounts.create_organization(req.caller(), *input), 201, organization_json);
}

Response organization_patch(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("organisation");
  auto input = decode_organization(req.body);
  if (!input) return problem(input.error());
  return reply(s.accounts.update_organization(req.caller(), *id, *input), 200, organization_json);
}

}  // namespace frontline::http::handlers
