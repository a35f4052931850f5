// POST /api/v1/tickets/{number}/macros/{id} — apply a macro (field changes and its reply) in one
// write; If-Match with the ticket's ETag makes it fail with 412 on a ticket changed meanwhile.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/macro_codec.hpp"

namespace frontline::http::handlers {

Response ticket_macro_post(Request& req, Services& s) {
  auto number = path_id(req);
  if (!number) return no_such("ticket");
  auto macro_id = path_id(req, 1);
  if (!macro_id) return no_such("macro");
  const auto& actor = req.caller();
  auto applied = s.macros.apply(actor, *number, *macro_id, if_match_versions(req));
  if (!applied) return problem(applied.error());
  auto res = Response::json(200, macro_applied_json(*applied, actor));
  res.header("ETag", etag(applied->ticket.version));
  return res;
}

}  // namespace frontline::http::handlers
