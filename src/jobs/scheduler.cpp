// The job scheduler (see header).
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
      auto closed = app::auto_close_resolved(ctx_);
      if (!closed) {
        spdlog::warn("auto-close failed: {}", closed.error().message);
      } else if (*closed > 0) {
        spdlog::info("auto-close: closed {} resolved tickets", *closed);
      }
    } catch (const std::exception& e) {  // a job's failure must not end the server
      spdlog::error("auto-close failed: {}", e.what());
    }
    lock.lock();
    cv_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace frontline::jobs
