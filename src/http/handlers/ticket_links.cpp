// GET and POST /api/v1/tickets/{number}/links — related tickets (staff).
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/ticket_codec.hpp"

namespace frontline::http::handlers {

Response ticket_links_get(Request& req, Services& s) {
  auto number = path_id(req);
  if (!number) return no_such("ticket");
  return reply(s.tickets.links(req.caller(), *number), 200,
               [&](const std::vector<core::Id>& ids) { return links_json(*number, ids); });
}

Response ticket_links_post(Request& req, Services& s) {
  auto number = path_id(req);
  if (!number) return no_such("ticket");
  auto other = decode_ticket_reference(req.body, "ticket");
  if (!other) return problem(other.error());
  return reply(s.tickets.link(req.caller(), *number, *other), 201,
               [&](const std::vector<core::Id>& ids) { return links_json(*number, ids); });
}

}  // namespace frontline::http::handlers
