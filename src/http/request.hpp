// The transport-neutral request and response the handlers see: the server (Beast) fills a
// Request and writes a Response, so handlers never include Beast. One request per instance.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/model.hpp"

namespace frontline::http {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded, without the query
  std::map<std::string, std::string>
      query;                             // decoded; a repeated key keeps its values comma-joined
  std::vector<std::string> path_params;  // the {placeholders} of the matched route, in order
  std::string body;
  std::string remote_address;
  // The headers handlers use.
  std::string authorization;
  std::string cookie;
  std::string content_type;
  std::string if_match;
  std::string idempotency_key;
  std::string csrf_token;
  std::string origin;
  std::string host;
  std::string sec_fetch_site;      // what a browser says of where the request comes from
  bool websocket_upgrade = false;  // a WebSocket handshake (Upgrade: websocket)
  bool redispatched = false;       // this is the second dispatch asked by redispatch_after_seconds
  // Set by the router's authentication step.
  std::optional<core::Actor> actor;
  bool via_session = false;
  std::string session_token;
  std::string session_csrf;  // the CSRF token bound to that session

  const core::Actor& caller() const { return *actor; }
  std::optional<std::string> query_param(const std::string& key) const {
    auto it = query.find(key);
    if (it == query.end()) return std::nullopt;
    return it->second;
  }
};

// What a WebSocket handshake that a handler accepted opens: the event feed, or one live chat.
// The server completes the handshake and hands the socket to the hub with this plan.
struct SocketPlan {
  enum class Kind { feed, chat };
  Kind kind = Kind::feed;
  std::optional<core::Id> after;  // feed: the last event id seen; chat: the last seq seen
  std::optional<core::Actor> actor;  // who opened it (re-checked while it is open)
  std::string visitor_token;         // chat: an anonymous visitor's
  core::Id chat_id = 0;
  core::Id ticket_number = 0;
  core::Role role = core::Role::customer;  // chat: how the chat names the caller
  std::string name;
  std::string hello;  // chat: the first frame
};

struct Response {
  unsigned status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string file_path;  // when set, the server streams this file as the body
  // When set, the server completes the WebSocket handshake and hands the socket to the hub
  // instead of writing this response.
  std::optional<SocketPlan> socket;
  // When > 0, nothing is written yet: the server waits this long without holding a thread,
  // then dispatches the same request once more with Request::redispatched set (a slowed sign-in).
  int redispatch_after_seconds = 0;

  static Response json(unsigned status, std::string body) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
  }
  static Response no_content() {
    Response r;
    r.status = 204;
    r.content_type = "text/plain";
    return r;
  }
  Response& header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

}  // namespace frontline::http
