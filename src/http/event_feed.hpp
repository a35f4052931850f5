// The live feed behind the WebSocket stream: one thread follows the event log (the outbox every
// change appends to) and hands each new event, as a JSON frame, to every subscriber. A new
// subscriber first catches up from the event id it last saw, so a reconnecting screen misses
// nothing; one too far behind gets a "reset" frame (reload, then continue from last_id).
// No Beast here: the server gives each connection a sink that queues frames on its strand.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/model.hpp"
#include "store/database.hpp"

namespace frontline::http {

class EventFeed {
 public:
  // Called on the feed thread with one JSON text frame; must not block.
  using Sink = std::function<void(std::string frame)>;

  // Catch-up beyond this many events sends "reset" instead of the events.
  static constexpr int kMaxCatchUp = 1000;

  EventFeed(store::Database& db, std::chrono::milliseconds poll_interval);
  ~EventFeed();
  EventFeed(const EventFeed&) = delete;
  EventFeed& operator=(const EventFeed&) = delete;

  // Frames start with {"type":"hello","last_id":N}, then every event after `after` (all
  // events from now when `after` is empty). Returns the id for unsubscribe.
  std::uint64_t subscribe(std::optional<core::Id> after, Sink sink);
  void unsubscribe(std::uint64_t id);
  // Look at the log now rather than at the next poll (after a write commits).
  void wake();

 private:
  struct Subscriber {
    std::optional<core::Id> after;
    Sink sink;
  };
  void run();
  void catch_up(Subscriber& s, core::Id head);
  std::vector<core::Event> read_after(core::Id after, int limit);

  store::Database& db_;
  const std::chrono::milliseconds poll_interval_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stop_ = false;
  bool woken_ = false;
  std::uint64_t next_id_ = 1;
  std::map<std::uint64_t, Subscriber> pending_;  // waiting for their catch-up
  std::map<std::uint64_t, Subscriber> active_;
  std::thread thread_;
};

}  // namespace frontline::http
