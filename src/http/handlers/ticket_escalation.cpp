// POST /api/v1/tickets/{number}/escalate and /deescalate — staff hand a ticket to another team or
// an external contact from the service directory, and take it back (docs/escalation.md). Both
// answer with the ticket, carrying its escalation now.
#include "http/escalation_codec.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/ticket_codec.hpp"

namespace frontline::http::handlers {
namespace {

Response escalated_reply(const core::Result<app::EscalatedTicket>& r, const core::Actor& actor) {
  if (!r) return problem(r.error());
  const auto escalation = escalation_json(r->escalation);
  auto res = Response::json(200, ticket_json(r->ticket, actor, {{}, escalation, {}}));
  res.header("ETag", etag(r->ticket.version));
  return res;
}

}  // namespace

Response ticket_escalate_post(Request& req, Services& s) {
  auto number = path_id(req);
  if (!number) return no_such("ticket");
  const auto& actor = req.caller();
  // The role first: a customer learns nothing about the body or the ticket.
  if (!actor.is_staff()) {
    return problem(core::Errc::forbidden, "only the support team escalates tickets");
  }
  auto request = decode_escalation(req.body);
  if (!request) return problem(request.error());
  return escalated_reply(s.escalations.escalate(actor, *number, *request), actor);
}

Response ticket_deescalate_post(Request& req, Services& s) {
  auto number = path_id(req);
  if (!number) return no_such("ticket");
  const auto& actor = req.caller();
  if (!actor.is_staff()) {
    return problem(core::Errc::forbidden, "only the support team escalates tickets");
  }
  auto note = decode_deescalation(req.body);
  if (!note) return problem(note.error());
  return escalated_reply(s.escalations.deescalate(actor, *number, *note), actor);
}

}  // namespace frontline::http::handlers
