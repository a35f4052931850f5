// The time source for every rule that depends on "now". Tests inject a fixed clock.
// Implementations are thread-safe.
#pragma once

#include <atomic>
#include <chrono>

#include "core/model.hpp"

namespace frontline::app {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual core::UnixTime now() const = 0;
};

class SystemClock final : public Clock {
 public:
  core::UnixTime now() const override {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
  }
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(core::UnixTime t) : t_(t) {}
  core::UnixTime now() const override { return t_.load(); }
  void set(core::UnixTime t) { t_.store(t); }
  void advance(core::UnixTime seconds) { t_.fetch_add(seconds); }

 private:
  std::atomic<core::UnixTime> t_;
};

}  // namespace frontline::app
