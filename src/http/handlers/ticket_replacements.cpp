// A ticket's hardware replacements (docs/replacements.md): POST /api/v1/tickets/{number}/
// replacements (staff; customers get 403 before any lookup) and GET (staff, and customers who
// may see the ticket).
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/replacement_codec.hpp"

namespace frontline::http::handlers {

Response ticket_replacements_post(Request& req, Services& s) {
  auto number = path_id(req);
  if (!number) return no_such("ticket");
  const auto& actor = req.caller();
  if (!actor.is_staff()) {
    return problem(core::Errc::forbidden, "only the support team starts a replacement");
  }
  auto input = decode_new_replacement(req.body);
  if (!input) return problem(input.error());
  return reply(s.replacements.create(actor, *number, *input), 201,
               [&](const core::Replacement& r) { return replacement_json(r, actor); });
}

Response ticket_replacements_get(Request& req, Services& s) {
  auto number = path_id(req);
  if (!number) return no_such("ticket");
  const auto& actor = req.caller();
  return reply(
      s.replacements.for_ticket(actor, *number), 200,
      [&](const std::vector<core::Replacement>& rs) { return replacements_json(rs, actor); });
}

}  // namespace frontline::http::handlers
