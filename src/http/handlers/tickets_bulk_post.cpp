// POST /api/v1/tickets/bulk — the same changes (or a merge) on a queue selection; answers 200
// with one result per ticket, since each ticket is written on its own and may fail alone.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/macro_codec.hpp"

namespace frontline::http::handlers {

Response tickets_bulk_post(Request& req, Services& s) {
  auto input = decode_bulk_request(req.body);
  if (!input) return problem(input.error());
  return reply(s.bulk_actions.apply(req.caller(), *input), 200, bulk_results_json);
}

}  // namespace frontline::http::handlers
