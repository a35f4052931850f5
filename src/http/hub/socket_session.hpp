// One WebSocket as the hub serves it (Beast's chat-multi "websocket_session"): its own write
// queue on its strand, bounded (a client kUnsentLimit frames behind is closed "too slow" and
// catches up when it reconnects), a reader that parses and size-limits what the client sends,
// and a heartbeat (pings; a socket silent for 30 s is closed). A chat's message and form frames
// run on the blocking pool, one at a time per socket, so a client's messages keep their order.
// Only server.cpp and socket_session.cpp include this (Beast).
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http/hub/hub.hpp"
#include "http/request.hpp"
#include "http/services.hpp"

namespace frontline::http::hub {

inline constexpr std::size_t kUnsentLimit = 1000;

struct SocketContext {
  Hub& hub;
  Services& services;
  boost::asio::thread_pool& pool;
};

// Completes the handshake in `request` on `socket` (already on a strand of its own) and serves
// the socket by `plan` until either side closes it.
boost::asio::awaitable<void> serve_socket(
    boost::asio::ip::tcp::socket socket,
    boost::beast::http::request<boost::beast::http::string_body> request, SocketPlan plan,
    SocketContext context);

}  // namespace frontline::http::hub
