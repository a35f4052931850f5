// Beast listener and sessions (see header). One coroutine per connection; requests on one
// connection are handled in order.
#include "http/server.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/url/parse.hpp>
#include <chrono>
#include <thread>

#include "app/event_data.hpp"
#include "core/text.hpp"
#include "http/connection_limits.hpp"
#include "http/hub/socket_session.hpp"
#include "http/metrics.hpp"
#include "http/multipart.hpp"
#include "http/problem.hpp"
#include "http/read_fibers.hpp"
#include "http/static_files.hpp"

namespace frontline::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace websocket = boost::beast::websocket;
using tcp = asio::ip::tcp;
constexpr auto use_nothrow = asio::as_tuple(asio::use_awaitable);

// Text a handler may take from the target: UTF-8 without NUL (no engine stores a NUL, and
// PostgreSQL refuses invalid UTF-8 outright).
bool usable_text(std::string_view s) {
  return core::is_valid_utf8(s) && s.find('\0') == std::string_view::npos;
}

// Decodes the request target into path and query parameters; false when malformed, or when a
// decoded part is not usable text (bad_param then names the query parameter, when it has a
// usable name).
bool decode_target(std::string_view target, Request& req, std::string& bad_param) {
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return false;
  req.path = std::string(parsed->path());
  if (!usable_text(req.path)) return false;
  for (auto param : parsed->params()) {
    if (param.key.empty()) continue;  // "?" or "&&": nothing was asked
    if (!usable_text(param.key)) return false;
    if (!usable_text(param.value)) {
      bad_param = std::string(param.key);
      return false;
    }
    auto& slot = req.query[std::string(param.key)];
    if (!slot.empty()) slot += ',';
    slot += std::string(param.value);
  }
  return true;
}

std::string header(const bhttp::request_parser<bhttp::string_body>::value_type& msg,
                   std::string_view name) {
  auto it = msg.find(name);
  return it == msg.end() ? std::string() : std::string(it->value());
}

int network_thread_count(const ListenOptions& options) {
  return options.network_threads > 0
             ? options.network_threads
             : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

std::vector<std::unique_ptr<asio::io_context>> make_lanes(int count) {
  std::vector<std::unique_ptr<asio::io_context>> lanes;
  for (int i = 0; i < count; ++i) lanes.push_back(std::make_unique<asio::io_context>(1));
  return lanes;
}

}  // namespace

struct Server::Impl {
  Impl(const Router& r, Services& s, ListenOptions o)
      : router(r),
        services(s),
        options(std::move(o)),
        metrics(router.route_names()),
        lanes(make_lanes(network_thread_count(options))),
        ioc(*lanes.front()),
        pool(static_cast<std::size_t>(options.blocking_threads)),
        acceptor(ioc),
        signals(ioc, SIGINT, SIGTERM),
        hub(services.ctx.db, std::chrono::milliseconds(250)) {
    services.metrics = &metrics;
    services.hub = &hub;
    if (options.access_log) {
      access = spdlog::get("access");
      if (!access) access = spdlog::stderr_logger_mt("access");
      access->set_pattern("%v");
    }
  }

  const Router& router;
  Services& services;
  ListenOptions options;
  Metrics metrics;
  // One io_context per network thread, each run by that thread alone: a connection stays on the
  // lane that it was given when accepted, so a read's fiber resumes on the thread it started on
  // (see read_fibers.hpp), and the lanes share no scheduler lock.
  std::vector<std::unique_ptr<asio::io_context>> lanes;
  asio::io_context& ioc;      // the first lane: the acceptor, the signals, draining
  std::size_t next_lane = 0;  // round robin, by the accept loop only
  asio::thread_pool pool;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  std::shared_ptr<spdlog::logger> access;
  std::atomic<int> in_flight{0};
  std::atomic<bool> draining{false};
  ConnectionLimits connections{options.max_connections_per_address, options.max_connections};
  hub::Hub hub;  // after ioc: its thread stops before the sessions' strands go away

  asio::awaitable<void> accept_loop() {
    asio::steady_timer backoff(ioc);
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(use_nothrow);
      if (ec) {
        if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
        // e.g. EMFILE: keep serving the connections we have, without spinning on the error.
        backoff.expires_after(std::chrono::milliseconds(10));
        co_await backoff.async_wait(use_nothrow);
        continue;
      }
      beast::error_code ignored;
      auto slot = connections.admit(socket.remote_endpoint(ignored).address().to_string());
      if (!slot) {
        socket.close(ignored);  // over a cap: the cheapest answer is none
        continue;
      }
      socket.set_option(tcp::no_delay(true), ignored);
      auto& lane = *lanes[next_lane++ % lanes.size()];
      const auto protocol = socket.local_endpoint(ignored).protocol();
      tcp::socket on_lane(lane, protocol, socket.release(ignored));
      asio::co_spawn(lane,
                     counted_session(beast::tcp_stream(std::move(on_lane)), std::move(*slot), lane),
                     asio::detached);
    }
  }

  // A session that holds its connection slot until it ends (WebSocket included).
  asio::awaitable<void> counted_session(beast::tcp_stream stream, ConnectionLimits::Slot slot,
                                        asio::io_context& lane) {
    co_await session(std::move(stream), lane);
  }

  // A matched route runs on the blocking pool when it waits on disk or hashes passwords; reads
  // run on the network thread, in a fiber when the database is across the network.
  asio::awaitable<Response> dispatch(const RouteMatch& m, Request& req, asio::io_context& lane) {
    if (m.blocking) co_return co_await dispatch_blocking(m, req);
    if (m.index >= 0 && options.reads_in_fibers) co_return co_await dispatch_in_fiber(m, req, lane);
    co_return router.dispatch(m, req, services);
  }

  // Runs the handler on the blocking pool and resumes this coroutine with its response.
  asio::awaitable<Response> dispatch_blocking(RouteMatch m, Request& req) {
    co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(Response)>(
        [this, m, &req](auto handler) {
          asio::post(pool, [this, m, &req, handler = std::move(handler)]() mutable {
            Response res = router.dispatch(m, req, services);
            auto ex = asio::get_associated_executor(handler);
            asio::post(ex, [handler = std::move(handler), res = std::move(res)]() mutable {
              handler(std::move(res));
            });
          });
        },
        asio::use_awaitable);
  }

  // Runs the handler in a fiber on this lane and resumes this coroutine with its response.
  asio::awaitable<Response> dispatch_in_fiber(RouteMatch m, Request& req, asio::io_context& lane) {
    co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(Response)>(
        [this, m, &req, &lane](auto handler) {
          auto res = std::make_shared<Response>();
          auto resume = std::make_shared<decltype(handler)>(std::move(handler));
          run_in_fiber(
              lane, [this, m, &req, res] { *res = router.dispatch(m, req, services); },
              [&lane, res, resume] {
                // Posted: the fiber may end before this coroutine has finished suspending.
                asio::post(lane, [res, resume] { (*resume)(std::move(*res)); });
              });
        },
        asio::use_awaitable);
  }

  asio::awaitable<bool> write(beast::tcp_stream& stream, Response& res, unsigned version,
                              bool keep_alive, bool head) {
    auto set_headers = [&](auto& msg) {
      msg.result(res.status);
      msg.version(version);
      msg.set(bhttp::field::content_type, res.content_type);
      for (auto& [name, value] : res.headers) msg.set(name, value);
      msg.keep_alive(keep_alive);
    };
    stream.expires_after(std::chrono::seconds(services.settings.body_timeout_seconds));
    if (!res.file_path.empty()) {
      bhttp::response<bhttp::file_body> msg;
      beast::error_code ec;
      msg.body().open(res.file_path.c_str(), beast::file_mode::scan, ec);
      if (!ec) {
        set_headers(msg);
        msg.prepare_payload();
        if (head) {
          bhttp::response_serializer<bhttp::file_body> sr(msg);
          sr.split(true);
          auto [wec, n] = co_await bhttp::async_write_header(stream, sr, use_nothrow);
          co_return !wec;
        }
        auto [wec, n] = co_await bhttp::async_write(stream, msg, use_nothrow);
        co_return !wec;
      }
      res = problem(core::Errc::not_found, "file not found");
    }
    bhttp::response<bhttp::string_body> msg;
    set_headers(msg);
    msg.body() = head ? std::string() : std::move(res.body);
    msg.prepare_payload();
    if (head) msg.content_length(res.body.size());
    auto [wec, n] = co_await bhttp::async_write(stream, msg, use_nothrow);
    co_return !wec;
  }

  void log_access(const Request& req, unsigned status, double seconds, std::size_t bytes) {
    if (!access) return;
    std::string line = "{\"ts\":";
    line += std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count());
    line += ",\"method\":";
    app::append_json_string(line, req.method);
    line += ",\"path\":";
    app::append_json_string(line, req.path);
    line += ",\"status\":" + std::to_string(status);
    line += ",\"ms\":" + std::to_string(seconds * 1000.0);
    line += ",\"bytes\":" + std::to_string(bytes);
    line += ",\"remote\":";
    app::append_json_string(line, req.remote_address);
    if (req.actor) line += ",\"user_id\":" + std::to_string(req.actor->id);
    line += '}';
    access->info(line);
  }

  // Answers an unreadable request and closes the connection.
  // Callers build `res` before co_await: GCC 12 miscompiles string temporaries (double free)
  // in the arguments of a co_await expression, seen here under AddressSanitizer.
  asio::awaitable<void> reject(beast::tcp_stream& stream, Response& res, Request& req,
                               std::chrono::steady_clock::time_point start) {
    unsigned status = res.status;
    std::size_t bytes = res.body.size();
    metrics.observe(
        metrics.unmatched_index(), status,
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    co_await write(stream, res, 11, false, false);
    log_access(req, status, 0, bytes);
  }

  // One connection. Anything unexpected ends only this connection, with one log line.
  asio::awaitable<void> session(beast::tcp_stream stream, asio::io_context& lane) {
    try {
      co_await serve_connection(stream, lane);
    } catch (const std::exception& e) {
      spdlog::error("connection dropped after an unexpected error: {}", e.what());
    }
  }

  asio::awaitable<void> serve_connection(beast::tcp_stream& stream, asio::io_context& lane) {
    // Set when a request upgraded to a WebSocket: served after the loop, outside the in-flight
    // count (a socket stays open for hours; SIGTERM must not wait for it).
    std::optional<bhttp::request<bhttp::string_body>> upgrade;
    std::optional<SocketPlan> plan;
    beast::flat_buffer buffer;
    std::string remote;
    {
      beast::error_code ec;
      auto ep = stream.socket().remote_endpoint(ec);
      if (!ec) remote = ep.address().to_string();
    }
    const auto& settings = services.settings;
    bool first_request = true;
    for (;;) {
      // Wait for the first bytes of the next request: a new connection gets the header
      // timeout, an idle keep-alive connection the (longer) idle timeout.
      if (buffer.size() == 0) {
        stream.expires_after(std::chrono::seconds(first_request ? settings.header_timeout_seconds
                                                                : settings.idle_timeout_seconds));
        auto [rec, rn] = co_await stream.async_read_some(buffer.prepare(16 * 1024), use_nothrow);
        if (rec) break;
        buffer.commit(rn);
      }
      first_request = false;
      // From its first byte a request counts as in flight, so SIGTERM waits for it.
      in_flight.fetch_add(1);
      struct InFlight {
        std::atomic<int>& n;
        ~InFlight() { n.fetch_sub(1); }
      } in_flight_guard{in_flight};

      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(16 * 1024);
      // The largest body any route accepts; the per-request limit is set once the headers say
      // what the body is (Beast checks Content-Length against this while reading the header).
      const std::size_t upload_limit = settings.max_upload_bytes + 1024 * 1024;
      parser.body_limit(std::max(upload_limit, settings.max_json_bytes));
      stream.expires_after(std::chrono::seconds(settings.header_timeout_seconds));
      auto [hec, hn] = co_await bhttp::async_read_header(stream, buffer, parser, use_nothrow);
      const auto start = std::chrono::steady_clock::now();
      Request req;
      req.remote_address = remote;
      if (hec) {
        if (hec == bhttp::error::end_of_stream || hec == beast::error::timeout ||
            hec == asio::error::eof || hec == asio::error::connection_reset ||
            hec == asio::error::operation_aborted) {
          break;
        }
        const bool too_large = hec == bhttp::error::header_limit || hec == bhttp::error::body_limit;
        Response res =
            too_large ? problem(core::Errc::too_large, "request is too large: " + hec.message())
                      : problem(core::Errc::bad_input, "malformed HTTP request: " + hec.message());
        co_await reject(stream, res, req, start);
        break;
      }
      auto& head = parser.get();
      req.remote_address =
          settings.trusted_proxies.client_address(remote, header(head, "X-Forwarded-For"));
      req.method = std::string(head.method_string());
      req.content_type = header(head, "Content-Type");
      std::string bad_param;
      const bool target_ok = decode_target(head.target(), req, bad_param);
      req.authorization = header(head, "Authorization");
      req.cookie = header(head, "Cookie");
      req.if_match = header(head, "If-Match");
      req.idempotency_key = header(head, "Idempotency-Key");
      req.csrf_token = header(head, "X-CSRF-Token");
      req.origin = header(head, "Origin");
      req.sec_fetch_site = header(head, "Sec-Fetch-Site");
      req.host = header(head, "Host");
      req.websocket_upgrade = websocket::is_upgrade(head);
      const bool upload = is_upload(req.content_type);
      const std::size_t limit = upload ? upload_limit : settings.max_json_bytes;
      parser.body_limit(limit);
      if (auto len = parser.content_length(); len && *len > limit) {
        Response res = problem(core::Errc::too_large,
                               "request body is larger than " + std::to_string(limit) + " bytes");
        co_await reject(stream, res, req, start);
        break;
      }
      // Up to the upload limit (megabytes) is read only for a caller the route admits; a JSON
      // body is capped small enough to read first.
      RouteMatch m;
      if (upload && target_ok) {
        m = router.match(req);
        if (auto refused = router.admit_before_body(m, req, services)) {
          Response res = std::move(*refused);
          co_await reject(stream, res, req, start);
          break;
        }
      }
      if (beast::iequals(header(head, "Expect"), "100-continue")) {
        bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, head.version()};
        co_await bhttp::async_write(stream, cont, use_nothrow);
      }
      stream.expires_after(std::chrono::seconds(settings.body_timeout_seconds));
      auto [bec, bn] = co_await bhttp::async_read(stream, buffer, parser, use_nothrow);
      if (bec) {
        if (bec == bhttp::error::body_limit) {
          Response res = problem(core::Errc::too_large,
                                 "request body is larger than " + std::to_string(limit) + " bytes");
          co_await reject(stream, res, req, start);
        } else if (bec != beast::error::timeout && bec != asio::error::eof &&
                   bec != bhttp::error::partial_message && bec != asio::error::connection_reset) {
          Response res = problem(core::Errc::bad_input, "malformed HTTP request: " + bec.message());
          co_await reject(stream, res, req, start);
        }
        break;
      }
      auto msg = parser.release();
      const bool keep_alive = msg.keep_alive() && !draining;
      const bool is_head = msg.method() == bhttp::verb::head;
      Response res;
      if (!target_ok) {
        const char* why =
            "malformed request target: the path and query must be valid, percent-encoded UTF-8 "
            "without NUL characters";
        res = bad_param.empty() ? problem(core::Errc::bad_input, why)
                                : problem(core::make_error(
                                      core::Errc::bad_input, why,
                                      {{bad_param, "must be valid UTF-8 without NUL characters"}}));
      } else {
        req.body = std::move(msg.body());
        m = router.match(req);
        if (m.index < 0 && !m.path_matched && !options.web_root.empty() &&
            (req.method == "GET" || req.method == "HEAD")) {
          res = serve_static(options.web_root, req.path, services.settings.widget_origins);
        } else {
          res = co_await dispatch(m, req, lane);
        }
        if (res.redispatch_after_seconds > 0) {
          asio::steady_timer wait(stream.get_executor());
          wait.expires_after(std::chrono::seconds(res.redispatch_after_seconds));
          co_await wait.async_wait(use_nothrow);
          req.redispatched = true;
          res = co_await dispatch(m, req, lane);
          if (res.redispatch_after_seconds > 0) {
            res = problem(core::Errc::unavailable, "the server is busy; try again shortly");
          }
        }
      }
      const unsigned status = res.status;
      const std::size_t bytes = res.body.size();
      if (res.socket) {
        metrics.observe(static_cast<std::size_t>(m.index), status, 0);
        log_access(req, status, 0, 0);
        plan = std::move(res.socket);
        upgrade.emplace(std::move(msg));
        break;
      }
      if (status < 400 && req.method != "GET" && req.method != "HEAD") hub.wake();
      // Counted before the answer leaves: whoever holds an answer then sees it in /metrics (counted
      // after, a quick follow-up request could be served first). The time is to the answer being
      // ready; the access log's time includes sending it.
      metrics.observe(
          m.index >= 0 ? static_cast<std::size_t>(m.index) : metrics.unmatched_index(), status,
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      bool written = co_await write(stream, res, msg.version(), keep_alive, is_head);
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      log_access(req, status, seconds, bytes);
      if (!written || !keep_alive) break;
    }
    if (upgrade) {
      co_await serve_upgraded(stream, *upgrade, *plan, lane);
      co_return;
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  // HTTP connections need no strand (one operation at a time); a WebSocket reads and writes at
  // once, so its socket moves onto a strand of its own (same file descriptor).
  static tcp::socket onto_strand(asio::io_context& ioc, beast::tcp_stream& stream) {
    tcp::socket plain = stream.release_socket();
    auto protocol = plain.local_endpoint().protocol();
    return tcp::socket(asio::make_strand(ioc), protocol, plain.release());
  }

  // By reference: the caller's values outlive this call (see the GCC 12 note at reject()).
  asio::awaitable<void> serve_upgraded(beast::tcp_stream& stream,
                                       bhttp::request<bhttp::string_body>& request,
                                       SocketPlan& plan, asio::io_context& lane) {
    stream.expires_never();  // the WebSocket's own timeouts (idle pings) take over
    std::optional<tcp::socket> socket;
    try {
      socket.emplace(onto_strand(lane, stream));
    } catch (const boost::system::system_error&) {
      co_return;  // the peer went away meanwhile
    }
    auto ex = socket->get_executor();
    auto served =
        asio::co_spawn(ex,
                       hub::serve_socket(std::move(*socket), std::move(request), std::move(plan),
                                         hub::SocketContext{hub, services, pool}),
                       asio::use_awaitable);
    co_await std::move(served);
  }

  asio::awaitable<void> drain_then_stop() {
    asio::steady_timer timer(ioc);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (in_flight.load() > 0 && std::chrono::steady_clock::now() < deadline) {
      timer.expires_after(std::chrono::milliseconds(20));
      co_await timer.async_wait(use_nothrow);
    }
    for (auto& lane : lanes) lane->stop();
  }
};

Server::Server(const Router& router, Services& services, ListenOptions options)
    : impl_(std::make_unique<Impl>(router, services, std::move(options))) {}

Server::~Server() { impl_->pool.join(); }

unsigned short Server::listen() {
  auto& acc = impl_->acceptor;
  tcp::endpoint ep(asio::ip::make_address(impl_->options.address), impl_->options.port);
  acc.open(ep.protocol());
  acc.set_option(asio::socket_base::reuse_address(true));
  acc.bind(ep);
  acc.listen(asio::socket_base::max_listen_connections);
  // Catch SIGINT/SIGTERM from now on: a signal that arrives before run() is queued and then
  // drains like any other, instead of killing the process mid-start.
  auto& impl = *impl_;
  impl.signals.async_wait([&impl](const beast::error_code& ec, int) {
    if (ec) return;
    spdlog::info("stopping: no new connections; draining requests in flight");
    impl.draining = true;
    beast::error_code ignored;
    impl.acceptor.close(ignored);
    asio::co_spawn(impl.ioc, impl.drain_then_stop(), asio::detached);
  });
  return acc.local_endpoint().port();
}

void Server::run() {
  auto& impl = *impl_;
  asio::co_spawn(impl.ioc, impl.accept_loop(), asio::detached);
  // A lane without connections yet must not return from run(): held until drain_then_stop.
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> busy;
  for (auto& lane : impl.lanes) busy.push_back(asio::make_work_guard(*lane));
  std::vector<std::thread> workers;
  for (std::size_t i = 1; i < impl.lanes.size(); ++i) {
    workers.emplace_back([&lane = *impl.lanes[i]] { lane.run(); });
  }
  impl.ioc.run();
  for (auto& w : workers) w.join();
  impl.pool.join();
}

}  // namespace frontline::http
