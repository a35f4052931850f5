// GET /api/v1/tickets/{number}
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
  auto res = Response::json(200, ticket_json(*ticket, actor));
  res.header("ETag", etag(ticket->version));
  return res;
}

}  // namespace frontline::http::handlers
