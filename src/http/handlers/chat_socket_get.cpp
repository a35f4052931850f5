// GET /api/v1/chats/{id}/socket?after=SEQ — a live chat over a WebSocket (docs/chat.md). The
// handler decides whether the handshake may proceed and who the caller is in the chat; the hub
// runs the socket.
#include "http/chat_codec.hpp"
#include "http/handlers/chat_caller.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"

namespace frontline::http::handlers {

constexpr std::string_view kSocketParams[] = {"after", "visitor_token"};

Response chat_socket_get(Request& req, Services& s) {
  if (auto unknown = unknown_query_param(req, kSocketParams)) return *unknown;
  auto id = path_id(req);
  if (!id) return no_such("chat");
  // A browser sends the cookie with a cross-site WebSocket too (cross-site WebSocket hijacking).
  if (req.via_session && !same_origin(req)) {
    return problem(core::make_error(core::Errc::forbidden, "cross-origin WebSocket refused"));
  }
  std::optional<std::int64_t> after;
  if (auto v = req.query_param("after")) {
    after = *v == "0" ? std::optional<std::int64_t>(0) : parse_positive_id(*v);
    if (!after) return problem(core::invalid_field("after", "is a seq: a whole number from 0"));
  }
  auto caller = chat_caller(req);
  auto joined = s.chats.join(caller, *id);
  if (!joined) return problem(joined.error());
  const auto& [who, view] = *joined;
  if (!req.websocket_upgrade) return upgrade_required("websocket");
  SocketPlan plan;
  plan.kind = SocketPlan::Kind::chat;
  plan.after = after.value_or(0);
  plan.actor = req.actor;
  plan.visitor_token = caller.visitor_token;
  plan.chat_id = *id;
  plan.ticket_number = who.chat.ticket_number;
  plan.role = who.role;
  plan.name = who.name;
  plan.hello = chat_hello_json(view, s.ctx.limits.max_attachment_bytes);
  Response r;
  r.status = 101;
  r.socket = std::move(plan);
  return r;
}

}  // namespace frontline::http::handlers
