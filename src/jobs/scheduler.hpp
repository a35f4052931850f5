// Runs one periodic job (auto-close of resolved tickets, the morning reports) on a background
// thread: at start, then every interval, until stop(). A job's failure is logged and the next
// round runs as planned. Thread-safe start/stop; jobs never run on the network threads.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "app/context.hpp"
#include "app/mail_outbox.hpp"
#include "app/reports.hpp"

namespace frontline::jobs {

class Scheduler {
 public:
  Scheduler(std::string name, std::function<void()> job, std::chrono::seconds interval)
      : name_(std::move(name)), job_(std::move(job)), interval_(interval) {}
  ~Scheduler() { stop(); }
  void start();
  void stop();

 private:
  void loop();
  std::string name_;
  std::function<void()> job_;
  std::chrono::seconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

// Closes tickets resolved longer ago than the configured days.
std::function<void()> auto_close_job(app::Context& ctx);
// Queues each technician's morning report once their local clock passes `hour`.
std::function<void()> morning_report_job(app::Reports& reports, int hour,
                                         app::OutboundSettings settings);

}  // namespace frontline::jobs
