// /api/v1/teams — teams and their members (agents).
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/team_codec.hpp"

namespace frontline::http::handlers {

Response teams_get(Request& req, Services& s) {
  return reply(s.accounts.teams(req.caller()), 200, teams_json);
}

Response teams_post(Request& req, Services& s) {
  auto input = decode_team(req.body);
  if (!input) return problem(input.error());
  return reply(s.accounts.create_team(req.caller(), input->name.value_or(""),
                                      input->member_ids.value_or(std::vector<core::Id>{})),
               201, team_json);
}

Response team_patch(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("team");
  auto input = decode_team(req.body);
  if (!input) return problem(input.error());
  if (!input->member_ids) {
    return problem(core::make_error(core::Errc::bad_input, "member_ids is required",
                                    {{"member_ids", "is required"}}));
  }
  return reply(s.accounts.set_team_members(req.caller(), *id, *input->member_ids), 200, team_json);
}

}  // namespace frontline::http::handlers
