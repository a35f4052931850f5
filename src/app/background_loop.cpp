// The background loop (see header).
#include "app/background_loop.hpp"

#include <utility>

namespace frontline::app {

BackgroundLoop::BackgroundLoop(Round round, std::chrono::milliseconds interval,
                               OnFailure on_failure)
    : round_(std::move(round)), interval_(interval), on_failure_(std::move(on_failure)) {}

void BackgroundLoop::start() {
  thread_ = std::thread([this] { run(); });
}

void BackgroundLoop::nudge() {
  {
    std::lock_guard lock(mu_);
    nudged_ = true;
  }
  cv_.notify_all();
}

void BackgroundLoop::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void BackgroundLoop::run() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    nudged_ = false;
    lock.unlock();
    try {
      round_();
    } catch (const std::exception& e) {
      on_failure_(e);
    }
    lock.lock();
    cv_.wait_for(lock, interval_, [this] { return stopping_ || nudged_; });
  }
}

}  // namespace frontline::app
