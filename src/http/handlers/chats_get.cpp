// GET /api/v1/chats?status= (staff: every chat; customers: their own) and GET /api/v1/chats/{id}
// (staff, or the chat's own customer or visitor; 404 for anyone else).
#include "http/chat_codec.hpp"
#include "http/handlers/chat_caller.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"

namespace frontline::http::handlers {

constexpr std::string_view kListParams[] = {"status"};

Response chats_get(Request& req, Services& s) {
  if (auto unknown = unknown_query_param(req, kListParams)) return *unknown;
  auto status = core::parse_chat_status(req.query_param("status").value_or("waiting"));
  if (!status) {
    return problem(core::invalid_field("status", "is waiting, active or ended"));
  }
  return reply(s.chats.list(req.caller(), *status), 200, chats_json);
}

Response chat_get(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("chat");
  return reply(s.chats.get(chat_caller(req), *id), 200, chat_json);
}

}  // namespace frontline::http::handlers
