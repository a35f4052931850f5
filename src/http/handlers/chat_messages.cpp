// GET /api/v1/chats/{id}/messages?after=SEQ and POST /api/v1/chats/{id}/messages {"body",
// "client_id"}: a chat's log and a new message over plain HTTP (the socket's equivalent).
#include "http/chat_codec.hpp"
#include "http/handlers/chat_caller.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"

namespace frontline::http::handlers {

constexpr std::string_view kLogParams[] = {"after", "limit"};

// The "after" query parameter: 0 when absent; nullopt when it is not a number >= 0.
static std::optional<std::int64_t> after_seq(const Request& req) {
  auto v = req.query_param("after");
  if (!v || *v == "0") return 0;
  return parse_positive_id(*v);
}

Response chat_messages_get(Request& req, Services& s) {
  if (auto unknown = unknown_query_param(req, kLogParams)) return *unknown;
  auto id = path_id(req);
  if (!id) return no_such("chat");
  auto after = after_seq(req);
  if (!after) return problem(core::invalid_field("after", "is a seq: a whole number from 0"));
  int limit = 1000;
  if (auto l = req.query_param("limit")) {
    auto n = parse_positive_id(*l);
    if (!n) return problem(core::invalid_field("limit", "is a whole number from 1"));
    limit = static_cast<int>(std::min<core::Id>(*n, 1000));
  }
  return reply(s.chats.entries(chat_caller(req), *id, *after, limit), 200, chat_log_json);
}

Response chat_messages_post(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("chat");
  auto input = decode_chat_message(req.body);
  if (!input) return problem(input.error());
  auto posted = s.chats.post_message(chat_caller(req), *id, std::move(input->body),
                                     std::move(input->client_id));
  if (!posted) return problem(posted.error());
  return Response::json(posted->repeated ? 200 : 201, chat_entry_json(posted->entry));
}

}  // namespace frontline::http::handlers
