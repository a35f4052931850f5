// /api/v1/services/{id}/contacts/{cid}/verify and /report-wrong — staff record that they checked
// a contact (how, and whether it works), or report it wrong from a ticket.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/service_codec.hpp"

namespace frontline::http::handlers {

Response service_contact_verify_post(Request& req, Services& s) {
  auto id = path_id(req);
  auto contact_id = path_id(req, 1);
  if (!id || !contact_id) return no_such("contact");
  auto check = decode_contact_check(req.body);
  if (!check) return problem(check.error());
  const auto& actor = req.caller();
  return reply(s.directory.verify_contact(actor, *id, *contact_id, *check), 200,
               [&](const app::ServiceView& v) { return service_json(v, actor); });
}

// 204: the team's members are notified (none when the service has no team).
Response service_contact_report_wrong_post(Request& req, Services& s) {
  auto id = path_id(req);
  auto contact_id = path_id(req, 1);
  if (!id || !contact_id) return no_such("contact");
  auto report = decode_wrong_contact_report(req.body);
  if (!report) return problem(report.error());
  auto done =
      s.directory.report_wrong(req.caller(), *id, *contact_id, report->ticket, report->note);
  if (!done) return problem(done.error());
  return Response::no_content();
}

}  // namespace frontline::http::handlers
