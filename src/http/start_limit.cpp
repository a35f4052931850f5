// Chat starts per address (see header).
#include "http/start_limit.hpp"

namespace frontline::http {

std::int64_t StartLimit::take(const std::string& address, std::int64_t now, int limit) {
  std::lock_guard lock(mutex_);
  if (windows_.size() >= kMaxAddresses) {
    // Under a spray from many addresses: forget the windows that have ended.
    std::erase_if(windows_,
                  [&](const auto& kv) { return kv.second.start + window_seconds_ <= now; });
  }
  auto& w = windows_[address];
  if (w.start + window_seconds_ <= now) w = Window{now, 0};
  if (w.used >= limit) return w.start + window_seconds_ - now;
  ++w.used;
  return 0;
}

}  // namespace frontline::http
