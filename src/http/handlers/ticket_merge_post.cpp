// POST /api/v1/tickets/{number}/merge {"into": N} — merge a duplicate into another ticket.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/ticket_codec.hpp"

namespace frontline::http::handlers {

Response ticket_merge_post(Request& req, Services& s) {
  auto number = path_id(req);
  if (!number) return no_such("ticket");
  auto into = decode_ticket_reference(req.body, "into");
  if (!into) return problem(into.error());
  const auto& actor = req.caller();
  return reply(s.tickets.merge(actor, *number, *into), 200,
               [&](const core::Ticket& t) { return ticket_json(t, actor); });
}

}  // namespace frontline::http::handlers
