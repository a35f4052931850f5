// Polls one IMAP mailbox (imap:// with STARTTLS when offered or required, or imaps://; login)
// and hands each unseen message to app::Mail like the mailgate does. Order per message: record
// the UID as pending (durable) → fetch (libcurl's FETCH marks it \Seen) → store the ticket →
// mark \Seen or move it to a folder → forget the UID. A failure before the ticket is stored
// puts \Seen back; a crash is recovered from the pending list by UID. A background thread.
#pragma once

#include <chrono>
#include <string>

#include "app/background_loop.hpp"
#include "app/mail.hpp"
#include "channels/email/mime_parser.hpp"
#include "store/database.hpp"

namespace frontline::channels::email {

struct ImapSettings {
  std::string url;  // imap://host:port/INBOX or imaps://host:port/INBOX; empty: no polling
  std::string username;
  std::string password;
  bool require_tls = false;
  std::string move_to;  // a folder to move stored messages to; empty: mark them \Seen
  std::chrono::seconds interval{60};
  long timeout_seconds = 60;
  ParseOptions parsing;  // CPU budget per message, trusted MTA
};

class ImapPoller {
 public:
  // Each round runs while no other instance on db polls (two pollers on one mailbox would
  // fetch the same messages).
  ImapPoller(app::Mail& mail, store::Database& db, ImapSettings settings);
  ~ImapPoller() { stop(); }
  void start();
  void stop() { loop_.stop(); }
  // One pass over the mailbox; returns how many messages were stored (or knowingly ignored).
  int poll_once();

 private:
  app::Mail& mail_;
  store::Database& db_;
  ImapSettings settings_;
  app::BackgroundLoop loop_;  // last: its thread stops before the rest goes
};

}  // namespace frontline::channels::email
