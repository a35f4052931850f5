// A replacement's steps (docs/replacements.md): POST /api/v1/replacements/{id}/confirm (the
// customer, or staff on the customer's word), /ship, /delivered, /returned and /cancel (staff;
// customers get 403 before any lookup).
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/replacement_codec.hpp"

namespace frontline::http::handlers {
namespace {

std::optional<Response> staff_only(const core::Actor& actor) {
  if (actor.is_staff()) return std::nullopt;
  return problem(core::Errc::forbidden, "only the support team does this with a replacement");
}

Response answer(const core::Result<core::Replacement>& r, const core::Actor& actor) {
  return reply(r, 200, [&](const core::Replacement& x) { return replacement_json(x, actor); });
}

}  // namespace

Response replacement_confirm_post(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("replacement");
  if (auto none = decode_no_fields(req.body); !none) return problem(none.error());
  return answer(s.replacements.confirm(req.caller(), *id), req.caller());
}

Response replacement_ship_post(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("replacement");
  if (auto no = staff_only(req.caller())) return *no;
  auto shipment = decode_shipment(req.body);
  if (!shipment) return problem(shipment.error());
  return answer(s.replacements.ship(req.caller(), *id, *shipment), req.caller());
}

Response replacement_delivered_post(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("replacement");
  if (auto no = staff_only(req.caller())) return *no;
  if (auto none = decode_no_fields(req.body); !none) return problem(none.error());
  return answer(s.replacements.mark_delivered(req.caller(), *id), req.caller());
}

Response replacement_returned_post(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("replacement");
  if (auto no = staff_only(req.caller())) return *no;
  if (auto none = decode_no_fields(req.body); !none) return problem(none.error());
  return answer(s.replacements.mark_returned(req.caller(), *id), req.caller());
}

Response replacement_cancel_post(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("replacement");
  if (auto no = staff_only(req.caller())) return *no;
  auto reason = decode_cancellation(req.body);
  if (!reason) return problem(reason.error());
  return answer(s.replacements.cancel(req.caller(), *id, *reason), req.caller());
}

}  // namespace frontline::http::handlers
