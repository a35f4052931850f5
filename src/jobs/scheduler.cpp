// The job scheduler and the periodic jobs (see header).
#include "jobs/scheduler.hpp"

#include <spdlog/spdlog.h>

#include "app/ticket_jobs.hpp"

namespace frontline::jobs {

Scheduler::Scheduler(std::string name, std::function<void()> job, std::chrono::seconds interval)
    : name_(std::move(name)), loop_(std::move(job), interval, [this](const std::exception& e) {
        spdlog::error("{} failed: {}", name_, e.what());
      }) {}

std::function<void()> on_one_instance(store::Database& db, std::string name,
                                      std::function<void()> job) {
  return [&db, name = std::move(name), job = std::move(job)] {
    if (!db.run_exclusively(name, job)) spdlog::debug("{}: another instance runs it now", name);
  };
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

std::function<void()> token_use_job(app::Auth& auth) {
  return [&auth] {
    auto written = auth.flush_token_use();
    if (!written) spdlog::warn("recording token use failed: {}", written.error().message);
  };
}

std::function<void()> chat_reoffer_job(app::Chats& chats) {
  return [&chats] {
    auto offered = chats.reoffer_unanswered();
    if (!offered) spdlog::warn("chat re-offer failed: {}", offered.error().message);
  };
}

std::function<void()> promise_job(app::Promises& promises) {
  return [&promises] {
    auto round = promises.remind_and_record_broken();
    if (!round) {
      spdlog::warn("promise reminders failed: {}", round.error().message);
    } else if (round->reminded > 0 || round->broken > 0) {
      spdlog::info("promises: reminded {}, broken {}", round->reminded, round->broken);
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
