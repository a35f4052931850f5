// Replacements by id (docs/replacements.md): GET /api/v1/replacements (staff: the queues by
// status), GET and PATCH /api/v1/replacements/{id} (staff; the customer who may see its ticket,
// who changes the address only; 404 for anyone else).
#include <array>

#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/replacement_codec.hpp"

namespace frontline::http::handlers {

Response replacements_get(Request& req, Services& s) {
  static constexpr std::array<std::string_view, 2> kAllowed{"status", "limit"};
  const auto& actor = req.caller();
  if (!actor.is_staff()) {
    return problem(core::Errc::forbidden, "the replacement queues are for the support team");
  }
  if (auto bad = unknown_query_param(req, kAllowed)) return *bad;
  app::ReplacementQuery q;
  if (auto status = req.query_param("status")) {
    q.status = core::parse_replacement_status(*status);
    if (!q.status) {
      return problem(core::invalid_field(
          "status", "must be requested, confirmed, shipped, delivered, returned or cancelled"));
    }
  }
  if (auto v = req.query_param("limit")) {
    auto n = parse_positive_id(*v);
    if (!n || *n > 500) return problem(core::invalid_field("limit", "must be 1 to 500"));
    q.limit = static_cast<int>(*n);
  }
  return reply(s.replacements.list(actor, q), 200, [&](const std::vector<core::Replacement>& rs) {
    return replacements_json(rs, actor);
  });
}

Response replacement_get(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("replacement");
  const auto& actor = req.caller();
  return reply(s.replacements.get(actor, *id), 200,
               [&](const core::Replacement& r) { return replacement_json(r, actor); });
}

Response replacement_patch(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("replacement");
  auto changes = decode_replacement_changes(req.body);
  if (!changes) return problem(changes.error());
  const auto& actor = req.caller();
  return reply(s.replacements.update(actor, *id, *changes), 200,
               [&](const core::Replacement& r) { return replacement_json(r, actor); });
}

}  // namespace frontline::http::handlers
