// The outbox dispatcher: a background thread that turns new events into queued mail
// (app::MailOutbox::compose) and sends what is due through the given sender (the SMTP channel,
// injected by `frontline serve` so jobs need no channel code), reporting each result back so
// failures retry with backoff. SMTP never runs on the network threads.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "app/mail_outbox.hpp"

namespace frontline::jobs {

class MailDispatcher {
 public:
  using Sender = std::function<core::Done(const core::OutboundMail&)>;

  MailDispatcher(app::MailOutbox& outbox, Sender sender, std::chrono::milliseconds poll)
      : outbox_(outbox), sender_(std::move(sender)), poll_(poll) {}
  ~MailDispatcher() { stop(); }
  void start();
  void stop();
  // One round: compose from new events, then send what is due. Returns mails attempted.
  // Not for concurrent calls (the dispatcher's own thread calls it).
  int run_once();

 private:
  void loop();
  // Records a sent mail; when the database refuses (a full disk), remembers it so it is never
  // sent again while it still looks due.
  void record_delivered(core::Id mail_id);
  app::MailOutbox& outbox_;
  Sender sender_;
  std::chrono::milliseconds poll_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
  std::vector<core::Id> sent_unrecorded_;  // sent, but not yet recorded as sent
};

}  // namespace frontline::jobs
