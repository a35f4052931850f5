// The job scheduler and the periodic jobs (see header).
#include "jobs/scheduler.hpp"

#include <spdlog/spdlog.h>

#include "app/ticket_jobs.hpp"

namespace frontline::jobs {

void Scheduler::start() {
  thread_ = std::thread([this] { loop(); });
}

void Scheduler::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Scheduler::loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    try {
      job_();
    } catch (const std::exception& e) {  // a job's failure must not end the server
      spdlog::error("{} failed: {}", name_, e.what());
    }
    lock.lock();
    cv_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

std::function<void()> auto_close_job(app::Context& ctx) {
  return [&ctx] {
    auto closed = app::auto_close_resolved(ctx);
    if (!closed) {
      spdlog::warn("auto-close failed: {}", closed.error().message);
    } else if (*closed > 0) {
      spdlog::info("auto-close: closed {} resolved tickets", *closed);
    }
  };
}

std::function<void()> morning_report_job(app::Reports& reports, int hour,
                                         app::OutboundSettings settings) {
  return [&reports, hour, settings = std::move(settings)] {
    auto queued = reports.queue_due_morning_reports(hour, settings);
    if (!queued) {
      spdlog::warn("morning reports failed: {}", queued.error().message);
    } else if (*queued > 0) {
      spdlog::info("morning reports: queued {}", *queued);
    }
  };
}

}  // namespace frontline::jobs
