// The outbox dispatcher: a background thread that turns new events into queued mail
// (app::MailOutbox::compose) and sends what is due through the given sender (the SMTP channel,
// injected by `frontline serve` so jobs need no channel code), reporting each result back so
// failures retry with backoff. SMTP never runs on the network threads.
#pragma once

#include <chrono>
#include <functional>
#include <vector>

#include "app/background_loop.hpp"
#include "app/mail_outbox.hpp"

namespace frontline::jobs {

class MailDispatcher {
 public:
  using Sender = std::function<core::Done(const core::OutboundMail&)>;

  MailDispatcher(app::MailOutbox& outbox, Sender sender, std::chrono::milliseconds poll);
  ~MailDispatcher() { stop(); }
  void start() { loop_.start(); }
  void stop() { loop_.stop(); }
  // One round: compose from new events, then send what is due. Returns mails attempted.
  // Not for concurrent calls (the dispatcher's own thread calls it).
  int run_once();

 private:
  // Records a sent mail; when the database refuses (a full disk), remembers it so it is never
  // sent again while it still looks due.
  void record_delivered(core::Id mail_id);
  app::MailOutbox& outbox_;
  Sender sender_;
  std::vector<core::Id> sent_unrecorded_;  // sent, but not yet recorded as sent
  app::BackgroundLoop loop_;               // last: its thread stops before the rest goes
};

}  // namespace frontline::jobs
