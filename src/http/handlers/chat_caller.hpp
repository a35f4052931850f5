// Who calls a chat route: the signed-in caller (router authentication) and, for an anonymous
// visitor, the chat's token — "Authorization: Visitor TOKEN" over HTTP, "?visitor_token=" on the
// socket (a browser cannot set headers on a WebSocket).
#pragma once

#include "app/chats.hpp"
#include "http/request.hpp"

namespace frontline::http::handlers {

inline app::ChatCaller chat_caller(const Request& req) {
  app::ChatCaller caller;
  caller.actor = req.actor;
  constexpr std::string_view kVisitor = "Visitor ";
  std::string_view auth = req.authorization;
  if (auth.substr(0, kVisitor.size()) == kVisitor) {
    caller.visitor_token = std::string(auth.substr(kVisitor.size()));
  } else if (auto token = req.query_param("visitor_token")) {
    caller.visitor_token = *token;
  }
  return caller;
}

}  // namespace frontline::http::handlers
