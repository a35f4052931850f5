// Promises (docs/escalation.md): POST/GET /api/v1/tickets/{number}/promises, the queues
// GET /api/v1/promises?state=due|broken, POST /api/v1/promises/{id}/kept, and the report
// GET /api/v1/reports/promises. Staff only; customers get 403 before any lookup.
#include <array>

#include "http/escalation_codec.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"

namespace frontline::http::handlers {
namespace {

std::optional<Response> staff_only(const core::Actor& actor) {
  if (actor.is_staff()) return std::nullopt;
  return problem(core::Errc::forbidden, "promises are for the support team");
}

}  // namespace

Response ticket_promises_post(Request& req, Services& s) {
  auto number = path_id(req);
  if (!number) return no_such("ticket");
  if (auto no = staff_only(req.caller())) return *no;
  auto input = decode_new_promise(req.body);
  if (!input) return problem(input.error());
  return reply(s.promises.make(req.caller(), *number, *input), 201,
               [&](const core::Promise& p) { return promise_json(p, s.ctx.clock.now()); });
}

Response ticket_promises_get(Request& req, Services& s) {
  auto number = path_id(req);
  if (!number) return no_such("ticket");
  if (auto no = staff_only(req.caller())) return *no;
  return reply(
      s.promises.for_ticket(req.caller(), *number), 200,
      [&](const std::vector<core::Promise>& ps) { return promises_json(ps, s.ctx.clock.now()); });
}

Response promises_get(Request& req, Services& s) {
  static constexpr std::array<std::string_view, 3> kAllowed{"state", "owner", "limit"};
  if (auto no = staff_only(req.caller())) return *no;
  if (auto bad = unknown_query_param(req, kAllowed)) return *bad;
  app::PromiseQuery q;
  const auto state = req.query_param("state").value_or("due");
  if (state != "due" && state != "broken") {
    return problem(core::invalid_field("state", "must be due or broken"));
  }
  q.broken = state == "broken";
  q.owner = req.query_param("owner");
  if (auto v = req.query_param("limit")) {
    auto n = parse_positive_id(*v);
    if (!n || *n > 500) return problem(core::invalid_field("limit", "must be 1 to 500"));
    q.limit = static_cast<int>(*n);
  }
  return reply(s.promises.list(req.caller(), q), 200, [&](const std::vector<core::Promise>& ps) {
    return promises_json(ps, s.ctx.clock.now());
  });
}

Response promise_kept_post(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("promise");
  if (auto no = staff_only(req.caller())) return *no;
  return reply(s.promises.keep(req.caller(), *id), 200,
               [&](const core::Promise& p) { return promise_json(p, s.ctx.clock.now()); });
}

Response reports_promises_get(Request& req, Services& s) {
  static constexpr std::array<std::string_view, 2> kAllowed{"from", "to"};
  if (auto no = staff_only(req.caller())) return *no;
  if (auto bad = unknown_query_param(req, kAllowed)) return *bad;
  return reply(s.promises.report(req.caller(), req.query_param("from"), req.query_param("to")), 200,
               promise_report_json);
}

}  // namespace frontline::http::handlers
