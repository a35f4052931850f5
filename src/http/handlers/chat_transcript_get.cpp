// GET /api/v1/chats/{id}/transcript — the whole chat as a plain-text download, for whoever may
// see the chat.
#include "http/handlers/chat_caller.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"

namespace frontline::http::handlers {

Response chat_transcript_get(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("chat");
  auto text = s.chats.transcript(chat_caller(req), *id);
  if (!text) return problem(text.error());
  Response r;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(*text);
  r.header("Content-Disposition",
           "attachment; filename=\"chat-" + std::to_string(*id) + "-transcript.txt\"");
  return r;
}

}  // namespace frontline::http::handlers
