// Request counters and latency histograms per route, exposed in Prometheus text format.
// Thread-safe and lock-free on the request path (relaxed atomics).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace frontline::http {

class Metrics {
 public:
  // route_names: one per route index, plus "unmatched" added at the end.
  explicit Metrics(std::vector<std::string> route_names);

  void observe(std::size_t route_index, unsigned status, double seconds);
  std::size_t unmatched_index() const { return names_.size() - 1; }
  std::string prometheus_text() const;

 private:
  static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                   0.05,   0.1,   0.25,   0.5,   1.0,  5.0};
  struct RouteStats {
    std::array<std::atomic<std::uint64_t>, 6> by_status_class{};  // 0: other, 1..5: 1xx..5xx
    std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> buckets{};
    std::atomic<std::uint64_t> sum_micros{0};
  };
  std::vector<std::string> names_;
  std::unique_ptr<RouteStats[]> stats_;
};

}  // namespace frontline::http
