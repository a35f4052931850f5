// POST /api/v1/tickets/{number}/calls {"call_notes", "call_minutes"} — staff add a phone call to
// an existing ticket: the notes become an internal note, the call a call.logged event.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/ticket_codec.hpp"

namespace frontline::http::handlers {

Response ticket_calls_post(Request& req, Services& s) {
  auto number = path_id(req);
  if (!number) return no_such("ticket");
  auto call = decode_logged_call(req.body);
  if (!call) return problem(call.error());
  const auto& actor = req.caller();
  return reply(s.tickets.log_call(actor, *number, std::move(*call)), 201,
               [&](const core::Ticket& t) { return ticket_json(t, actor); });
}

}  // namespace frontline::http::handlers
