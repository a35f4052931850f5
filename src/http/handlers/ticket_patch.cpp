// PATCH /api/v1/tickets/{number} — status, priority, assignee, team, category, tags;
// If-Match with the ETag makes a stale edit fail with 412 instead of overwriting.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/ticket_codec.hpp"

namespace frontline::http::handlers {

Response ticket_patch(Request& req, Services& s) {
  auto number = path_id(req);
  if (!number) return no_such("ticket");
  auto changes = decode_ticket_changes(req.body);
  if (!changes) return problem(changes.error());
  const auto& actor = req.caller();
  auto ticket = s.tickets.update(actor, *number, *changes, if_match_versions(req));
  if (!ticket) return problem(ticket.error());
  auto res = Response::json(200, ticket_json(*ticket, actor));
  res.header("ETag", etag(ticket->version));
  return res;
}

}  // namespace frontline::http::handlers
