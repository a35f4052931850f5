// How a database client waits. By default it blocks its thread (poll, condition variables). A
// read that runs in a fiber on a network thread (http/read_fibers) installs a Waiter instead: the
// fiber steps aside while the database answers, and the network thread serves other connections
// meanwhile. The store knows nothing of fibers or Asio: only this interface.
#pragma once

#include <chrono>
#include <functional>

namespace frontline::store {

class Waiter {
 public:
  virtual ~Waiter() = default;
  // Returns once the socket is readable (the peer's answer, or its end).
  virtual void wait_readable(int fd) = 0;
  // Hands `enlist` a wake function, then returns once it has been called (from any thread; it
  // may be called before this steps aside, even from inside `enlist`).
  virtual void wait_until_woken(const std::function<void(std::function<void()> wake)>& enlist) = 0;
  virtual void sleep_for(std::chrono::microseconds duration) = 0;
};

// The waiter of whatever runs on this thread now; null: block the thread.
Waiter* current_waiter() noexcept;

// Installs a waiter for as long as it lives (the fiber runner, around each resumption).
class ScopedWaiter {
 public:
  explicit ScopedWaiter(Waiter* waiter) noexcept;
  ~ScopedWaiter();
  ScopedWaiter(const ScopedWaiter&) = delete;
  ScopedWaiter& operator=(const ScopedWaiter&) = delete;

 private:
  Waiter* previous_;
};

// Blocks the thread, or lets the current fiber sleep.
void sleep_for(std::chrono::microseconds duration);

}  // namespace frontline::store
