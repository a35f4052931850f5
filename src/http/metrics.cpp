// Prometheus metrics (see header).
#include "http/metrics.hpp"

#include <cstdio>

namespace frontline::http {

Metrics::Metrics(std::vector<std::string> route_names) : names_(std::move(route_names)) {
  names_.push_back("unmatched");
  stats_ = std::make_unique<RouteStats[]>(names_.size());
}

void Metrics::observe(std::size_t route, unsigned status, double seconds) {
  auto& s = stats_[route];
  unsigned cls = status / 100;
  s.by_status_class[cls >= 1 && cls <= 5 ? cls : 0].fetch_add(1, std::memory_order_relaxed);
  std::size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  s.buckets[b].fetch_add(1, std::memory_order_relaxed);
  s.sum_micros.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

std::string Metrics::prometheus_text() const {
  std::string out;
  char line[256];
  out += "# HELP frontline_http_requests_total HTTP requests by route and status class.\n";
  out += "# TYPE frontline_http_requests_total counter\n";
  static constexpr const char* kClasses[] = {"other", "1xx", "2xx", "3xx", "4xx", "5xx"};
  for (std::size_t r = 0; r < names_.size(); ++r) {
    for (std::size_t c = 0; c < 6; ++c) {
      auto n = stats_[r].by_status_class[c].load(std::memory_order_relaxed);
      if (n == 0) continue;
      std::snprintf(line, sizeof line,
                    "frontline_http_requests_total{route=\"%s\",status=\"%s\"} %llu\n",
                    names_[r].c_str(), kClasses[c], static_cast<unsigned long long>(n));
      out += line;
    }
  }
  out += "# HELP frontline_http_request_duration_seconds Time to handle a request, by route.\n";
  out += "# TYPE frontline_http_request_duration_seconds histogram\n";
  for (std::size_t r = 0; r < names_.size(); ++r) {
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b <= kBuckets.size(); ++b) {
      cumulative += stats_[r].buckets[b].load(std::memory_order_relaxed);
      if (b < kBuckets.size()) {
        std::snprintf(
            line, sizeof line,
            "frontline_http_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %llu\n",
            names_[r].c_str(), kBuckets[b], static_cast<unsigned long long>(cumulative));
      } else {
        std::snprintf(
            line, sizeof line,
            "frontline_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %llu\n",
            names_[r].c_str(), static_cast<unsigned long long>(cumulative));
      }
      out += line;
    }
    std::snprintf(line, sizeof line,
                  "frontline_http_request_duration_seconds_sum{route=\"%s\"} %.6f\n"
                  "frontline_http_request_duration_seconds_count{route=\"%s\"} %llu\n",
                  names_[r].c_str(),
                  static_cast<double>(stats_[r].sum_micros.load(std::memory_order_relaxed)) / 1e6,
                  names_[r].c_str(), static_cast<unsigned long long>(cumulative));
    out += line;
  }
  return out;
}

}  // namespace frontline::http
