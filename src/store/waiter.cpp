// The thread's current waiter (see header).
#include "store/waiter.hpp"

#include <thread>

namespace frontline::store {
namespace {
thread_local Waiter* current = nullptr;
}

Waiter* current_waiter() noexcept { return current; }

ScopedWaiter::ScopedWaiter(Waiter* waiter) noexcept : previous_(current) { current = waiter; }

ScopedWaiter::~ScopedWaiter() { current = previous_; }

void sleep_for(std::chrono::microseconds duration) {
  if (auto* w = current_waiter()) {
    w->sleep_for(duration);
  } else {
    std::this_thread::sleep_for(duration);
  }
}

}  // namespace frontline::store
