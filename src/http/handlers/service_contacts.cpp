// /api/v1/services/{id}/contacts/{cid}/verify — staff record that they checked a contact: how,
// and whether it works.
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

}  // namespace frontline::http::handlers
