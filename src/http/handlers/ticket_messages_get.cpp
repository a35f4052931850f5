// GET /api/v1/tickets/{number}/messages — the conversation; internal notes only for staff.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/message_codec.hpp"

namespace frontline::http::handlers {

Response ticket_messages_get(Request& req, Services& s) {
  auto number = path_id(req);
  if (!number) return no_such("ticket");
  return reply(s.tickets.messages(req.caller(), *number), 200, messages_json);
}

}  // namespace frontline::http::handlers
