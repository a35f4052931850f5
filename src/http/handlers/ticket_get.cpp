// GET /api/v1/tickets/{number}. A chat's ticket also carries its chat ("chat": the chat as the
// caller may see it — staff get the pre-chat answers: technician, steps done, serial number).
// Staff also get the current escalation ("escalation", null when none) and the ticket's promises;
// everyone who may see the ticket its hardware replacements ("replacements", [] when none).
#include "app/ticket_page.hpp"
#include "http/chat_codec.hpp"
#include "http/escalation_codec.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/replacement_codec.hpp"
#include "http/ticket_codec.hpp"

namespace frontline::http::handlers {

Response ticket_get(Request& req, Services& s) {
  auto number = path_id(req);
  if (!number) return no_such("ticket");
  const auto& actor = req.caller();
  auto page = app::read_ticket_page(s.ctx, actor, *number);
  if (!page) return problem(page.error());
  std::string chat;
  if (page->ticket.channel == core::Channel::chat) {
    auto found = s.chats.for_ticket(actor, *number);
    if (!found) return problem(found.error());
    if (*found) chat = chat_json(**found);
  }
  std::string escalation, promises;
  if (actor.is_staff()) {
    escalation = escalation_json(page->escalation);
    promises = promises_array_json(page->promises, s.ctx.clock.now());
  }
  const std::string replacements = replacements_array_json(page->replacements, actor);
  auto res = Response::json(
      200, ticket_json(page->ticket, actor, {chat, escalation, promises, replacements}));
  res.header("ETag", etag(page->ticket.version));
  return res;
}

}  // namespace frontline::http::handlers
