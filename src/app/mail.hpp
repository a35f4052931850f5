// Inbound email: a parsed message becomes a new ticket or a message on the ticket it answers.
// A pipeline of small filters (app/mail_filters/) decides first: too large, already stored,
// a mail loop, a bounce, an automatic reply. A sender the receiving MTA did not vouch for
// (InboundMail::sender_check) may open or join a ticket, marked unverified_sender, but never
// adds Cc addresses; mail from a staff address counts as staff only when vouched for, else it
// becomes an internal note. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/tickets.hpp"
#include "core/model.hpp"
#include "core/result.hpp"

namespace frontline::app {

// Mail without a usable From: still becomes a ticket (nothing is dropped); it is filed under
// this placeholder customer for the team to sort out, and nothing is ever mailed to it.
inline constexpr std::string_view kUnknownSender = "unknown-sender@frontline.invalid";

// Whether the receiving MTA vouched for the From: address (its Authentication-Results, from the
// configured trusted authserv-id). not_checked: no trusted id is configured.
enum class SenderCheck { not_checked, authenticated, unauthenticated };

// A message as the email channel parsed it. Addresses are lower-case; ids have no <>.
struct InboundMail {
  std::string from_email;
  std::string from_name;
  std::vector<std::string> cc;  // Cc addresses: they receive the public replies too
  std::string subject;
  std::string message_id;
  std::vector<std::string> references;  // In-Reply-To first, then References, newest first
  std::string text;                     // UTF-8; from text/plain, else the HTML as text
  std::string html;                     // the HTML part, sanitised (empty: none)
  std::vector<NewAttachment> attachments;
  std::size_t raw_size = 0;
  bool parsed_fully = true;  // false: `text` explains, the original is attached
  SenderCheck sender_check = SenderCheck::not_checked;
  // What the filters read.
  std::string auto_submitted;       // Auto-Submitted (RFC 3834), lower-case
  std::string precedence;           // Precedence, lower-case
  bool x_autoreply = false;         // X-Autoreply / X-Autorespond present
  bool from_frontline = false;      // carries our own X-Frontline-Loop header
  bool is_delivery_report = false;  // multipart/report; report-type=delivery-status
  std::string report_status;        // the DSN's Status/Action, for the record
};

enum class MailOutcome { created, appended, duplicate, ignored, bounce_recorded };
std::string_view to_string(MailOutcome o);

struct MailResult {
  MailOutcome outcome = MailOutcome::ignored;
  std::optional<core::Id> ticket_number;
  std::string reason;  // why it was ignored, for the log and the caller
};

class Mail {
 public:
  Mail(Context& ctx, Tickets& tickets) : ctx_(ctx), tickets_(tickets) {}

  // `gate` is the staff account the mail gateway signs in as. Messages larger than the
  // configured upload limit (Limits::max_attachment_bytes) are refused.
  core::Result<MailResult> receive(const core::Actor& gate, InboundMail mail);

  // IMAP intake bookkeeping: UIDs of a mailbox fetched but not yet marked or moved.
  core::Result<std::vector<std::int64_t>> imap_pending(const std::string& mailbox);
  core::Done imap_begin(const std::string& mailbox, std::int64_t uid);
  core::Done imap_done(const std::string& mailbox, std::int64_t uid);

 private:
  static bool vouched_for(const InboundMail& mail);
  void remember_ccs(core::Id ticket, const InboundMail& mail);
  core::Result<MailResult> open_ticket(const core::Actor& gate, InboundMail& mail, bool unverified);
  static std::optional<core::Id> thread_of(store::Tx& tx, const InboundMail& mail);
  Context& ctx_;
  Tickets& tickets_;
};

}  // namespace frontline::app
