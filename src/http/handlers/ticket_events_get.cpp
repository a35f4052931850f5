// GET /api/v1/tickets/{number}/events?after=ID&limit=N — who changed what and when.
#include "http/event_codec.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"

namespace frontline::http::handlers {

Response ticket_events_get(Request& req, Services& s) {
  auto number = path_id(req);
  if (!number) return no_such("ticket");
  core::Id after = 0;
  if (auto v = req.query_param("after")) after = parse_positive_id(*v).value_or(0);
  int limit = 500;
  if (auto v = req.query_param("limit"))
    limit = static_cast<int>(parse_positive_id(*v).value_or(500));
  return reply(s.tickets.events(req.caller(), *number, after, limit), 200, events_json);
}

}  // namespace frontline::http::handlers
