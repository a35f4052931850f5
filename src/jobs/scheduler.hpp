// Runs one periodic job (auto-close of resolved tickets, the morning reports) on a background
// thread: at start, then every interval, until stop(). A job's failure is logged and the next
// round runs as planned. Thread-safe start/stop; jobs never run on the network threads.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "app/auth.hpp"
#include "app/background_loop.hpp"
#include "app/chats.hpp"
#include "app/context.hpp"
#include "app/mail_outbox.hpp"
#include "app/promises.hpp"
#include "app/reports.hpp"

namespace frontline::jobs {

class Scheduler {
 public:
  Scheduler(std::string name, std::function<void()> job, std::chrono::seconds interval);
  ~Scheduler() { stop(); }
  void start() { loop_.start(); }
  void stop() { loop_.stop(); }

 private:
  std::string name_;
  app::BackgroundLoop loop_;
};

// job, run only while no other instance sharing the database runs the job of this name
// (store::Database::run_exclusively): with several instances, each round happens on one.
std::function<void()> on_one_instance(store::Database& db, std::string name,
                                      std::function<void()> job);

// Closes tickets resolved longer ago than the configured days.
std::function<void()> auto_close_job(app::Context& ctx);
// Writes when API tokens were last used (noted in memory by each request).
std::function<void()> token_use_job(app::Auth& auth);
// Offers again the chats nobody accepted in time (the customer is told).
std::function<void()> chat_reoffer_job(app::Chats& chats);
// Reminds the owners of promises due soon (once each) and records the broken ones.
std::function<void()> promise_job(app::Promises& promises);
// Queues each technician's morning report once their local clock passes `hour`.
std::function<void()> morning_report_job(app::Reports& reports, int hour,
                                         app::OutboundSettings settings);

}  // namespace frontline::jobs
