// How many new chats one client address may start in a window: anonymous visitors need no
// account, so without a cap one address could open tickets (and customer accounts) without end.
// A fixed window per address, in memory (per server instance), bounded in size. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace frontline::http {

class StartLimit {
 public:
  explicit StartLimit(std::int64_t window_seconds) : window_seconds_(window_seconds) {}

  // 0 when `address` may start one more now, `limit` being allowed per window (and counts it);
  // otherwise the seconds until it may.
  std::int64_t take(const std::string& address, std::int64_t now, int limit);

 private:
  static constexpr std::size_t kMaxAddresses = 100000;
  struct Window {
    std::int64_t start = 0;
    int used = 0;
  };
  const std::int64_t window_seconds_;
  std::mutex mutex_;
  std::map<std::string, Window> windows_;
};

}  // namespace frontline::http
