// The live event feed (see header).
#include "http/event_feed.hpp"

#include <spdlog/spdlog.h>

#include "http/event_codec.hpp"

namespace frontline::http {
namespace {

constexpr int kBatch = 500;

std::string head_frame(const char* type, core::Id last_id) {
  return std::string("{\"type\":\"") + type + "\",\"last_id\":" + std::to_string(last_id) + "}";
}

}  // namespace

EventFeed::EventFeed(store::Database& db, std::chrono::milliseconds poll_interval)
    : db_(db), poll_interval_(poll_interval), thread_([this] { run(); }) {}

EventFeed::~EventFeed() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

std::uint64_t EventFeed::subscribe(std::optional<core::Id> after, Sink sink) {
  std::uint64_t id;
  {
    std::lock_guard lock(mutex_);
    id = next_id_++;
    pending_.emplace(id, Subscriber{after, std::move(sink)});
    woken_ = true;
  }
  cv_.notify_all();
  return id;
}

void EventFeed::unsubscribe(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  pending_.erase(id);
  active_.erase(id);
}

void EventFeed::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  cv_.notify_all();
}

std::vector<core::Event> EventFeed::read_after(core::Id after, int limit) {
  std::vector<core::Event> out;
  db_.read([&](store::Tx& tx) { out = tx.events().events_after(after, limit); });
  return out;
}

// Sends hello, then the events in (after, head], or reset when there are too many.
void EventFeed::catch_up(Subscriber& s, core::Id head) {
  s.sink(head_frame("hello", head));
  if (!s.after || *s.after >= head) return;
  auto events = read_after(*s.after, kMaxCatchUp + 1);
  if (static_cast<int>(events.size()) > kMaxCatchUp) {
    s.sink(head_frame("reset", head));
    return;
  }
  for (const auto& e : events) {
    if (e.id > head) break;  // the live loop sends these
    s.sink(stream_event_json(e));
  }
}

// Single writer + group commit: event ids become visible in order, so "everything after the
// last id we read" never skips an event.
void EventFeed::run() {
  core::Id head = 0;
  // While nobody listens the feed reads nothing (every write still wakes it); the first
  // subscriber after a quiet spell sets head to the newest event, and catch-up covers the rest.
  bool head_known = false;
  // Writes wake the feed, but at most one round per kMinRound: under a burst of writes one read
  // of the log serves many of them instead of one read each.
  constexpr auto kMinRound = std::chrono::milliseconds(20);
  auto last_round = std::chrono::steady_clock::now() - kMinRound;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      cv_.wait_for(lock, poll_interval_, [&] { return stop_ || woken_; });
      if (stop_) return;
      const auto next = last_round + kMinRound;
      if (std::chrono::steady_clock::now() < next) {
        cv_.wait_until(lock, next, [&] { return stop_; });
        if (stop_) return;
      }
      woken_ = false;
      if (active_.empty() && pending_.empty()) {
        head_known = false;
        continue;
      }
    }
    last_round = std::chrono::steady_clock::now();
    try {
      if (!head_known) {
        db_.read([&](store::Tx& tx) { head = tx.events().last_event_id(); });
        head_known = true;
      }
      // New events first, so joining subscribers catch up to the same head everyone has.
      std::vector<std::string> frames;
      for (;;) {
        auto events = read_after(head, kBatch);
        for (const auto& e : events) frames.push_back(stream_event_json(e));
        if (!events.empty()) head = events.back().id;
        if (static_cast<int>(events.size()) < kBatch) break;
      }
      // Under the lock, so an unsubscribe happens wholly before or after a subscriber moves.
      std::lock_guard lock(mutex_);
      for (auto& [id, s] : active_) {
        for (const auto& f : frames) s.sink(f);
      }
      for (auto it = pending_.begin(); it != pending_.end();) {
        catch_up(it->second, head);
        active_.insert(pending_.extract(it++));
      }
    } catch (const std::exception& e) {
      spdlog::warn("live feed: reading the event log failed: {}", e.what());
    }
  }
}

}  // namespace frontline::http
