// Runs the periodic ticket jobs (auto-close of resolved tickets) on a background thread.
// Thread-safe start/stop; jobs never run on the network threads.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/context.hpp"

namespace frontline::jobs {

class Scheduler {
 public:
  Scheduler(app::Context& ctx, std::chrono::seconds interval) : ctx_(ctx), interval_(interval) {}
  ~Scheduler() { stop(); }
  void start();
  void stop();

 private:
  void loop();
  app::Context& ctx_;
  std::chrono::seconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace frontline::jobs
