// The outbox dispatcher (see header).
#include "jobs/mail_dispatcher.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace frontline::jobs {

MailDispatcher::MailDispatcher(app::MailOutbox& outbox, Sender sender,
                               std::chrono::milliseconds poll)
    : outbox_(outbox),
      sender_(std::move(sender)),
      loop_([this] { run_once(); }, poll,
            [](const std::exception& e) { spdlog::error("mail dispatcher: {}", e.what()); }) {}

int MailDispatcher::run_once() {
  for (;;) {
    auto consumed = outbox_.compose(500);
    if (!consumed) {
      spdlog::warn("mail: composing from the event log failed: {}", consumed.error().message);
      break;
    }
    if (*consumed < 500) break;
  }
  // Mail already sent whose row still says due (the database could not take the news): record
  // it before anything else, and never send it again meanwhile.
  auto pending = std::move(sent_unrecorded_);
  sent_unrecorded_.clear();
  for (core::Id id : pending) record_delivered(id);
  auto due = outbox_.due(50);
  if (!due) return 0;
  int attempted = 0;
  for (const auto& m : *due) {
    if (std::find(sent_unrecorded_.begin(), sent_unrecorded_.end(), m.id) !=
        sent_unrecorded_.end()) {
      continue;
    }
    ++attempted;
    auto sent = sender_(m);
    if (sent) {
      record_delivered(m.id);
      continue;
    }
    spdlog::warn("mail to {} not sent (will retry): {}", m.recipient, sent.error().message);
    if (auto recorded = outbox_.failed(m.id, sent.error().message); !recorded)
      spdlog::error("mail: recording the failure failed: {}", recorded.error().message);
  }
  return attempted;
}

void MailDispatcher::record_delivered(core::Id mail_id) {
  auto recorded = outbox_.delivered(mail_id);
  if (recorded) return;
  if (recorded.error().code != core::Errc::unavailable) {
    spdlog::error("mail {} was sent but recording it failed: {}", mail_id,
                  recorded.error().message);
    return;
  }
  spdlog::error("mail {} was sent but the database is unavailable; recording it later: {}", mail_id,
                recorded.error().message);
  sent_unrecorded_.push_back(mail_id);
}

}  // namespace frontline::jobs
