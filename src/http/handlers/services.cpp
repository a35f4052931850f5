// /api/v1/services — the service directory: search (customers: public services only), add and
// change services (staff), and the orphans nobody can be reached for (staff).
#include <array>

#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/service_codec.hpp"

namespace frontline::http::handlers {
namespace {

auto encoder_for(const Request& req) {
  return [&actor = req.caller()](const app::ServiceView& v) { return service_json(v, actor); };
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
  return reply(s.directory.create(req.caller(), *draft), 201, encoder_for(req));
}

Response service_get(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("service");
  return reply(s.directory.get(req.caller(), *id), 200, encoder_for(req));
}

Response service_patch(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("service");
  auto draft = decode_service_changes(req.body);
  if (!draft) return problem(draft.error());
  return reply(s.directory.update(req.caller(), *id, *draft), 200, encoder_for(req));
}

Response service_orphans_get(Request& req, Services& s) {
  const auto& actor = req.caller();
  return reply(s.directory.orphans(actor), 200, [&](const std::vector<app::OrphanService>& os) {
    return service_orphans_json(os, actor);
  });
}

}  // namespace frontline::http::handlers
