// /api/v1/services — the service directory: search (customers: public services only), add and
// change services (staff; If-Match with the ETag makes a stale edit fail with 412 instead of
// overwriting), the orphans nobody can be reached for and a team's contacts overdue for review
// (staff).
#include <array>

#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/service_codec.hpp"

namespace frontline::http::handlers {
namespace {

// The service as the caller may see it; staff also get its version as the ETag that a PATCH's
// If-Match names.
Response service_reply(const core::Result<app::ServiceView>& r, unsigned status,
                       const core::Actor& actor) {
  if (!r) return problem(r.error());
  auto res = Response::json(status, service_json(*r, actor));
  if (actor.is_staff()) res.header("ETag", etag(r->service.version));
  return res;
}

}  // namespace

Response services_get(Request& req, Services& s) {
  static constexpr std::array<std::string_view, 1> kAllowed{"q"};
  if (auto bad = unknown_query_param(req, kAllowed)) return *bad;
  const auto& actor = req.caller();
  return reply(s.directory.search(actor, req.query_param("q").value_or("")), 200,
               [&](const std::vector<app::ServiceView>& vs) { return services_json(vs, actor); });
}

Response services_post(Request& req, Services& s) {
  auto draft = decode_new_service(req.body);
  if (!draft) return problem(draft.error());
  return service_reply(s.directory.create(req.caller(), *draft), 201, req.caller());
}

Response service_get(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("service");
  return service_reply(s.directory.get(req.caller(), *id), 200, req.caller());
}

Response service_patch(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("service");
  auto draft = decode_service_changes(req.body);
  if (!draft) return problem(draft.error());
  return service_reply(s.directory.update(req.caller(), *id, *draft, if_match_versions(req)), 200,
                       req.caller());
}

Response service_orphans_get(Request& req, Services& s) {
  const auto& actor = req.caller();
  return reply(s.directory.orphans(actor), 200, [&](const std::vector<app::OrphanService>& os) {
    return service_orphans_json(os, actor);
  });
}

Response service_overdue_contacts_get(Request& req, Services& s) {
  static constexpr std::array<std::string_view, 1> kAllowed{"team_id"};
  const auto& actor = req.caller();
  if (!actor.is_staff()) {  // before the query is read: customers learn nothing from it
    return problem(core::make_error(core::Errc::forbidden, "the overdue list is for staff"));
  }
  if (auto bad = unknown_query_param(req, kAllowed)) return *bad;
  const auto text = req.query_param("team_id");
  if (!text) return problem(core::invalid_field("team_id", "is required"));
  auto team = parse_positive_id(*text);
  if (!team) return problem(core::invalid_field("team_id", "must be a team's id"));
  return reply(s.directory.overdue_contacts(actor, *team), 200, overdue_contacts_json);
}

}  // namespace frontline::http::handlers
