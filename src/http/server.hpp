// The HTTP server: accepts connections, reads requests with size limits and timeouts, hands
// them to the Router (on the network threads, or on the blocking pool for routes that wait on
// disk or hash passwords), writes responses, logs each request, and drains on SIGTERM.
// Beast lives only in server.cpp.
#pragma once

#include <memory>
#include <string>

#include "http/router.hpp"
#include "http/services.hpp"

namespace frontline::http {

struct ListenOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0: an ephemeral port
  int network_threads = 0;     // 0: one per core
  int blocking_threads = 64;   // waits on group commit; mostly asleep
  // Reads answer on the network threads. An in-process database answers in microseconds, so
  // they simply run there; for a database across the network (PostgreSQL) each runs in a fiber
  // that steps aside while the database answers (read_fibers.hpp), so no network thread waits.
  bool reads_in_fibers = false;
  bool access_log = true;
  std::string web_root;  // static files for the web app; empty: none
  // Open connections allowed from one client address, and in all; a connection over either
  // cap is closed as soon as it is accepted. The total is also kept under the process's
  // file-descriptor limit.
  int max_connections_per_address = 256;
  int max_connections = 10000;
};

class Server {
 public:
  Server(const Router& router, Services& services, ListenOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; returns the bound port. Throws on failure (port in use, bad address).
  unsigned short listen();
  // Serves until SIGINT or SIGTERM, then stops accepting and waits (up to 10 s) for requests in
  // flight to finish.
  void run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace frontline::http
