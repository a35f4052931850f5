// The outbox dispatcher (see header).
#include "jobs/mail_dispatcher.hpp"

#include <spdlog/spdlog.h>

namespace frontline::jobs {

void MailDispatcher::start() {
  thread_ = std::thread([this] { loop(); });
}

void MailDispatcher::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int MailDispatcher::run_once() {
  for (;;) {
    auto consumed = outbox_.compose(500);
    if (!consumed) {
      spdlog::warn("mail: composing from the event log failed: {}", consumed.error().message);
      break;
    }
    if (*consumed < 500) break;
  }
  auto due = outbox_.due(50);
  if (!due) return 0;
  for (const auto& m : *due) {
    auto sent = sender_(m);
    auto recorded = sent ? outbox_.delivered(m.id) : outbox_.failed(m.id, sent.error().message);
    if (!sent)
      spdlog::warn("mail to {} not sent (will retry): {}", m.recipient, sent.error().message);
    if (!recorded)
      spdlog::error("mail: recording the outcome failed: {}", recorded.error().message);
  }
  return static_cast<int>(due->size());
}

void MailDispatcher::loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    try {
      run_once();
    } catch (const std::exception& e) {  // a job's failure must not end the server
      spdlog::error("mail dispatcher: {}", e.what());
    }
    lock.lock();
    cv_.wait_for(lock, poll_, [this] { return stopping_; });
  }
}

}  // namespace frontline::jobs
