// GET /api/v1/tickets/{number}. A chat's ticket also carries its chat ("chat": the chat as the
// caller may see it — staff get the pre-chat answers: technician, steps done, serial number).
// Staff also get the current escalation ("escalation", null when none) and the ticket's promises.
#include "http/chat_codec.hpp"
#include "http/escalation_codec.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/ticket_codec.hpp"

namespace frontline::http::handlers {

Response ticket_get(Request& req, Services& s) {
  auto number = path_id(req);
  if (!number) return no_such("ticket");
  const auto& actor = req.caller();
  auto ticket = s.tickets.get(actor, *number);
  if (!ticket) return problem(ticket.error());
  std::string chat;
  if (ticket->channel == core::Channel::chat) {
    auto found = s.chats.for_ticket(actor, *number);
    if (!found) return problem(found.error());
    if (*found) chat = chat_json(**found);
  }
  std::string escalation, promises;
  if (actor.is_staff()) {
    auto current = s.escalations.current(actor, *number);
    if (!current) return problem(current.error());
    escalation = escalation_json(*current);
    auto made = s.promises.for_ticket(actor, *number);
    if (!made) return problem(made.error());
    promises = promises_array_json(*made, s.ctx.clock.now());
  }
  auto res = Response::json(200, ticket_json(*ticket, actor, {chat, escalation, promises}));
  res.header("ETag", etag(ticket->version));
  return res;
}

}  // namespace frontline::http::handlers
