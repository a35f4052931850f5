// /api/v1/services/{id}/revisions — every saved state of a service (staff), and restoring one:
// its snapshot, decoded as the PATCH it was shaped for, becomes the service's new state.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/service_codec.hpp"

namespace frontline::http::handlers {

Response service_revisions_get(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("service");
  return reply(s.directory.revisions(req.caller(), *id), 200, service_revisions_json);
}

Response service_revision_restore_post(Request& req, Services& s) {
  auto id = path_id(req);
  auto revision_id = path_id(req, 1);
  if (!id || !revision_id) return no_such("revision");
  auto revision = s.directory.revision(req.caller(), *id, *revision_id);
  if (!revision) return problem(revision.error());
  auto state = decode_service_changes(revision->snapshot);
  if (!state) return problem(state.error());
  const auto& actor = req.caller();
  return reply(s.directory.restore(actor, *id, *revision_id, *state), 200,
               [&](const app::ServiceView& v) { return service_json(v, actor); });
}

}  // namespace frontline::http::handlers
