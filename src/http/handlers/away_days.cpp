// /api/v1/users/{id}/away[/{date}] — a technician's away days (not counted as working days on
// the leaderboard). Their own, or anyone's for an admin.
#include "http/board_codec.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"

namespace frontline::http::handlers {

Response away_days_get(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("user");
  return reply(s.ranking.away_days(req.caller(), *id), 200, away_days_json);
}

static Response set_away(Request& req, Services& s, bool away) {
  auto id = path_id(req);
  if (!id) return no_such("user");
  auto done = s.ranking.set_away(req.caller(), *id, req.path_params.at(1), away);
  if (!done) return problem(done.error());
  return Response::no_content();
}

Response away_day_put(Request& req, Services& s) { return set_away(req, s, true); }
Response away_day_delete(Request& req, Services& s) { return set_away(req, s, false); }

}  // namespace frontline::http::handlers
