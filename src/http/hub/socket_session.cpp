// One hub WebSocket (see header).
#include "http/hub/socket_session.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>

#include "channels/chat/chat_protocol.hpp"
#include "http/router.hpp"

namespace frontline::http::hub {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace websocket = boost::beast::websocket;
namespace chat = channels::chat;
using tcp = asio::ip::tcp;
constexpr auto use_nothrow = asio::as_tuple(asio::use_awaitable);
constexpr int kErrorsBeforeClose = 3;

std::string header(const bhttp::request<bhttp::string_body>& msg, bhttp::field name) {
  auto it = msg.find(name);
  return it == msg.end() ? std::string() : std::string(it->value());
}

// Whether the credentials a socket opened with still name someone the plan serves: the same
// person, as much staff as before, and (for a chat) still one of its participants. Runs on the
// hub's thread (a point read of the session or token, and of the chat).
StillAllowed still_allowed(Services& services, Request credentials, const SocketPlan& plan) {
  return [&services, credentials = std::move(credentials), plan]() {
    Request probe = credentials;
    std::optional<core::Actor> actor;
    if (!probe.authorization.empty() || !probe.cookie.empty()) {
      if (authenticate(probe, services)) return false;
      actor = probe.actor;
    }
    const bool was_staff = plan.actor && plan.actor->is_staff();
    if (plan.actor && (!actor || actor->id != plan.actor->id || actor->is_staff() != was_staff)) {
      return false;
    }
    if (plan.kind == SocketPlan::Kind::feed) return actor.has_value();
    return services.chats.participant(app::ChatCaller{actor, plan.visitor_token}, plan.chat_id)
        .ok();
  };
}

class SocketSession final : public Client, public std::enable_shared_from_this<SocketSession> {
 public:
  SocketSession(tcp::socket&& socket, SocketContext ctx, SocketPlan plan)
      : ws_(std::move(socket)), wakeup_(ws_.get_executor()), ctx_(ctx), plan_(std::move(plan)) {}

  void deliver(std::shared_ptr<const std::string> frame) override {
    asio::post(ws_.get_executor(), [self = shared_from_this(), frame = std::move(frame)] {
      if (self->closed_) return;
      if (self->queue_.size() >= kUnsentLimit) {
        self->end("too slow");  // it reconnects with `after` and catches up
        return;
      }
      self->queue_.push_back(frame);
      self->wakeup_.cancel();
    });
  }

  void close(std::string reason) override {
    asio::post(ws_.get_executor(),
               [self = shared_from_this(), reason = std::move(reason)] { self->end(reason); });
  }

  // On the strand, as is everything below.
  asio::awaitable<void> run(bhttp::request<bhttp::string_body> request) {
    websocket::stream_base::timeout timeouts =
        websocket::stream_base::timeout::suggested(beast::role_type::server);
    // A ping after 15 s of silence; closed when nothing came back within 30 s: a half-dead
    // socket (a phone that lost its network) is noticed within 30 s.
    timeouts.idle_timeout = std::chrono::seconds(30);
    timeouts.keep_alive_pings = true;
    ws_.set_option(timeouts);
    ws_.read_message_max(chat::kMaxClientFrameBytes);
    Request credentials;
    credentials.method = "GET";
    credentials.authorization = header(request, bhttp::field::authorization);
    credentials.cookie = header(request, bhttp::field::cookie);
    auto [aec] = co_await ws_.async_accept(request, use_nothrow);
    if (aec) co_return;
    auto allowed = still_allowed(ctx_.services, std::move(credentials), plan_);
    Audience audience{plan_.actor};
    if (plan_.kind == SocketPlan::Kind::feed) {
      member_ = ctx_.hub.join_feed(weak_from_this(), audience, plan_.after, std::move(allowed));
    } else {
      member_ = ctx_.hub.join_chat(weak_from_this(), audience, plan_.chat_id, plan_.ticket_number,
                                   plan_.after.value_or(0), plan_.hello, std::move(allowed));
    }
    asio::co_spawn(ws_.get_executor(), read_loop(shared_from_this()), asio::detached);
    while (!closed_) {
      if (queue_.empty()) {
        wakeup_.expires_at(asio::steady_timer::time_point::max());
        co_await wakeup_.async_wait(use_nothrow);
        continue;
      }
      auto frame = std::move(queue_.front());
      queue_.pop_front();
      auto [wec, n] = co_await ws_.async_write(asio::buffer(*frame), use_nothrow);
      if (wec) closed_ = true;
    }
    ctx_.hub.leave(member_);
    if (!close_reason_.empty()) {
      websocket::close_reason why(websocket::close_code::policy_error);
      why.reason = close_reason_;
      co_await ws_.async_close(why, use_nothrow);
    }
    beast::error_code ignored;
    ws_.next_layer().socket().shutdown(tcp::socket::shutdown_both, ignored);
    ws_.next_layer().socket().close(ignored);
  }

 private:
  void end(std::string reason) {
    if (closed_) return;
    closed_ = true;
    close_reason_ = std::move(reason);
    wakeup_.cancel();
  }

  void send_now(std::string frame) {
    if (closed_) return;
    queue_.push_back(std::make_shared<const std::string>(std::move(frame)));
    wakeup_.cancel();
  }

  // Reads client frames until the client closes or an error ends the socket.
  static asio::awaitable<void> read_loop(std::shared_ptr<SocketSession> self) {
    beast::flat_buffer buffer;
    int errors = 0;
    while (!self->closed_) {
      auto [ec, n] = co_await self->ws_.async_read(buffer, use_nothrow);
      if (ec) break;  // closed, timed out, or larger than kMaxClientFrameBytes (close 1009)
      std::string text = beast::buffers_to_string(buffer.data());
      buffer.consume(buffer.size());
      auto frame = chat::parse_client_frame(text);
      if (!frame) {
        self->send_now(chat::error_frame(frame.error().message));
        if (++errors >= kErrorsBeforeClose) {
          self->end("too many malformed frames");
          break;
        }
        continue;
      }
      errors = 0;
      co_await self->on_frame(*frame);
    }
    if (!self->closed_) self->end("");
  }

  asio::awaitable<void> on_frame(const chat::ClientFrame& frame) {
    using Type = chat::ClientFrame::Type;
    if (frame.type == Type::ping) {
      send_now(chat::pong_frame());
      co_return;
    }
    if (plan_.kind != SocketPlan::Kind::chat) {
      // The feed hears only presence: what a technician looks at and types on (staff only;
      // the hub ignores the rest).
      if (frame.type == Type::viewing) ctx_.hub.view(member_, frame.ticket);
      if (frame.type == Type::typing) ctx_.hub.ticket_typing(member_, frame.ticket, frame.internal);
      co_return;
    }
    if (frame.type == Type::typing) {
      const bool staff_only = frame.internal && plan_.role != core::Role::customer;
      ctx_.hub.typing(member_, plan_.chat_id,
                      chat::typing_frame(plan_.role, plan_.name, staff_only), staff_only);
      co_return;
    }
    // A write waits for the group commit: off the network threads, one frame at a time. Named
    // locals, not temporaries, in the co_await: GCC 12 frees temporaries with strings in a
    // co_await expression twice (seen here under AddressSanitizer).
    auto work = [this, frame] {
      return chat::handle(ctx_.services.chats, app::ChatCaller{plan_.actor, plan_.visitor_token},
                          plan_.chat_id, frame);
    };
    auto pending = on_pool(std::move(work));
    chat::Outcome outcome = co_await std::move(pending);
    if (outcome.changed) ctx_.hub.wake();
    if (!outcome.reply.empty()) send_now(std::move(outcome.reply));
  }

  // Not a coroutine: returns the awaitable that runs work on the blocking pool and resumes on
  // this socket's strand with its outcome.
  template <typename Work>
  asio::awaitable<chat::Outcome> on_pool(Work work) {
    return asio::async_initiate<decltype(asio::use_awaitable), void(chat::Outcome)>(
        [this, work = std::move(work)](auto handler) mutable {
          asio::post(ctx_.pool, [work = std::move(work), handler = std::move(handler)]() mutable {
            chat::Outcome out;
            try {
              out = work();
            } catch (const std::exception& e) {
              spdlog::error("chat frame failed: {}", e.what());
              out.reply = chat::error_frame("the server could not take this; send it again");
            }
            auto ex = asio::get_associated_executor(handler);
            asio::post(ex, [handler = std::move(handler), out = std::move(out)]() mutable {
              handler(std::move(out));
            });
          });
        },
        asio::use_awaitable);
  }

  websocket::stream<beast::tcp_stream> ws_;
  asio::steady_timer wakeup_;  // on the strand: cancelled to wake the writer
  SocketContext ctx_;
  SocketPlan plan_;
  std::deque<std::shared_ptr<const std::string>> queue_;
  bool closed_ = false;
  std::string close_reason_;  // set: end with a close frame saying why
  std::uint64_t member_ = 0;
};

}  // namespace

asio::awaitable<void> serve_socket(tcp::socket socket, bhttp::request<bhttp::string_body> request,
                                   SocketPlan plan, SocketContext context) {
  auto session = std::make_shared<SocketSession>(std::move(socket), context, std::move(plan));
  co_await session->run(std::move(request));
}

}  // namespace frontline::http::hub
