// Per-message CPU budget (see header).
#include "channels/email/cpu_budget.hpp"

#include <time.h>

namespace frontline::channels::email {
namespace {

std::int64_t thread_cpu_ns() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

}  // namespace

CpuBudget::CpuBudget(std::chrono::milliseconds limit) : limit_(limit) {
  if (limit_.count() > 0) deadline_ns_ = thread_cpu_ns() + limit_.count() * 1'000'000;
}

bool CpuBudget::check() {
  if (spent_) return false;
  if (limit_.count() <= 0) return true;
  spent_ = thread_cpu_ns() >= deadline_ns_;
  return !spent_;
}

}  // namespace frontline::channels::email
