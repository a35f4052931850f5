// GET /api/v1/stream?after=ID — the live event feed over a WebSocket: staff screens get every
// event, customers' portals the public events of the tickets they may see. The handler only
// decides whether the handshake may proceed; the hub runs the socket.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"

namespace frontline::http::handlers {
Response stream_get(Request& req, Services&) {
  // A browser sends the cookie with a cross-site WebSocket too (cross-site WebSocket hijacking).
  if (req.via_session && !same_origin(req)) {
    return problem(core::make_error(core::Errc::forbidden, "cross-origin WebSocket refused"));
  }
  std::optional<core::Id> after;
  if (auto v = req.query_param("after")) {
    if (*v == "0") {
      after = 0;
    } else if (auto id = parse_positive_id(*v)) {
      after = id;
    } else {
      return problem(core::make_error(core::Errc::bad_input, "after is not an event id",
                                      {{"after", "an event id"}}));
    }
  }
  if (!req.websocket_upgrade) return upgrade_required("websocket");
  SocketPlan plan;
  plan.kind = SocketPlan::Kind::feed;
  plan.after = after;
  plan.actor = req.actor;
  Response r;
  r.status = 101;
  r.socket = std::move(plan);
  return r;
}

}  // namespace frontline::http::handlers
