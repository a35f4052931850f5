// GET /api/v1/stream?after=ID — the live event feed over a WebSocket, for staff screens. The
// handler only decides whether the handshake may proceed; the server runs the connection.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"

namespace frontline::http::handlers {
Response stream_get(Request& req, Services&) {
  if (!req.caller().is_staff()) {
    return problem(core::make_error(core::Errc::forbidden, "the live feed is for staff"));
  }
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
  Response r;
  r.status = 101;
  r.open_stream = true;
  r.stream_after = after;
  return r;
}

}  // namespace frontline::http::handlers
