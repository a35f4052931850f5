// A per-message CPU budget: how much of its thread's CPU time the parsing of one message may use
// (CLOCK_THREAD_CPUTIME_ID, so waiting for a busy machine costs nothing). The long loops of the
// parser and the HTML scanners call tick() and stop early once it is spent; the parser then stores
// the message raw. One budget per message and thread; not thread-safe.
#pragma once

#include <chrono>
#include <cstdint>

namespace frontline::channels::email {

class CpuBudget {
 public:
  // zero or less: unlimited.
  explicit CpuBudget(std::chrono::milliseconds limit);

  // Cheap enough for every character: reads the clock once every few thousand calls.
  bool tick() {
    if (spent_) return false;
    if ((++ticks_ & kTicksPerCheck) != 0) return true;
    return check();
  }
  // Reads the clock now; false once the budget is spent.
  bool check();
  bool spent() const { return spent_; }
  std::chrono::milliseconds limit() const { return limit_; }

 private:
  static constexpr std::uint32_t kTicksPerCheck = 0xFFF;
  std::chrono::milliseconds limit_;
  std::int64_t deadline_ns_ = 0;  // thread CPU time at which the budget is spent
  std::uint32_t ticks_ = 0;
  bool spent_ = false;
};

// For callers without a budget.
inline bool tick(CpuBudget* budget) { return !budget || budget->tick(); }

}  // namespace frontline::channels::email
