// How a routine's time grows when its input doubles: a linear routine takes about twice as long
// on 2n as on n, a quadratic one four times. Tests require a ratio, never a wall time, so they
// hold on a slow or busy machine. Times are this thread's CPU time, best of three runs.
#pragma once

#include <gtest/gtest.h>
#include <time.h>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <string>

namespace frontline::testing {

inline double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Growth {
  std::size_t n = 0;     // the size at which one run first took min_seconds
  double seconds_n = 0;  // best run at n
  double seconds_2n = 0;
  double ratio() const { return seconds_2n / seconds_n; }
};

inline std::string describe(const Growth& g) {
  return "n=" + std::to_string(g.n) + ": " + std::to_string(g.seconds_n * 1000) +
         " ms, 2n: " + std::to_string(g.seconds_2n * 1000) + " ms, ratio " +
         std::to_string(g.ratio());
}

// make(n) builds a hostile input of size n (not timed); run(input) is the routine under test.
// n starts small and doubles until one run takes min_seconds, so a quadratic routine shows
// itself quickly instead of running for minutes at the size a linear one needs.
template <typename Make, typename Run>
Growth measure_growth(Make make, Run run, std::size_t start_n = 16 * 1024,
                      double min_seconds = 0.02, std::size_t max_n = std::size_t{16} << 20) {
  auto best_of = [&](std::size_t n, int runs) {
    const auto input = make(n);
    double best = 1e30;
    for (int i = 0; i < runs; ++i) {
      const double t0 = thread_cpu_seconds();
      run(input);
      best = std::min(best, thread_cpu_seconds() - t0);
    }
    return best;
  };
  Growth g;
  g.n = start_n;
  double one_run = best_of(g.n, 1);
  while (one_run < min_seconds && g.n < max_n) {
    g.n *= 2;
    one_run = best_of(g.n, 1);
  }
  g.seconds_n = best_of(g.n, 3);
  g.seconds_2n = best_of(2 * g.n, 3);
  return g;
}

// Requires time(2n) / time(n) < 3 and prints the measurement (the numbers quoted in notes).
inline void expect_linear_growth(const Growth& g, std::string_view what) {
  std::printf("  %.*s: %s\n", static_cast<int>(what.size()), what.data(), describe(g).c_str());
  EXPECT_LT(g.ratio(), 3.0) << what << ": " << describe(g);
}

// A string of `unit` repeated until it is at least n bytes long.
inline std::string repeat(std::string_view unit, std::size_t n) {
  std::string s;
  s.reserve(n + unit.size());
  while (s.size() < n) s.append(unit);
  return s;
}

}  // namespace frontline::testing
