// Inbound email (see header). Order of the pipeline: size, duplicate, loop, bounce, then
// threading — an automatic reply may join the ticket it answers but never reopens or opens one.
// The sender check decides what a message may do: see vouched_for() and speaks_as_staff().
#include "app/mail.hpp"

#include "app/event_data.hpp"
#include "app/mail_filters/filters.hpp"
#include "core/text.hpp"

namespace frontline::app {

using core::Errc;
using core::Id;
using core::make_error;
using core::Result;

namespace {

// Sanitised HTML kept with a message for showing it as sent (bigger stays an attachment).
constexpr std::size_t kMaxHtmlBytes = 1024 * 1024;
constexpr std::string_view kContinued = "\n\n[The message continues in the attached message.txt.]";

// Keeps ticket fields within their limits; what does not fit travels as an attachment.
void fit_to_ticket_limits(InboundMail& m) {
  std::string subject(core::trim(m.subject));
  if (subject.empty()) subject = "(no subject)";
  m.subject = std::string(core::truncate_utf8(subject, kMaxSubjectBytes));
  if (m.text.size() > kMaxBodyBytes) {
    m.attachments.push_back({"message.txt", "text/plain; charset=utf-8", m.text});
    m.text = std::string(core::truncate_utf8(m.text, kMaxBodyBytes - kContinued.size()));
    m.text += kContinued;
  }
  if (core::trim(m.text).empty()) m.text = "(no text)";
  if (m.html.size() > kMaxHtmlBytes) {  // shown as sent only up to a size; kept as a file
    m.attachments.push_back({"message.html", "text/html", std::move(m.html)});
    m.html.clear();
  }
  if (!core::looks_like_email(m.from_email)) {
    m.from_name = m.from_email.empty() ? "Unknown sender" : m.from_email;
    m.from_email = kUnknownSender;
  }
}

}  // namespace

std::string_view to_string(MailOutcome o) {
  switch (o) {
    case MailOutcome::created:
      return "created";
    case MailOutcome::appended:
      return "appended";
    case MailOutcome::duplicate:
      return "duplicate";
    case MailOutcome::ignored:
      return "ignored";
    case MailOutcome::bounce_recorded:
      return "bounce_recorded";
  }
  return "ignored";
}

// The ticket a message answers: a Message-ID it refers to, else "[#N]" in the subject. A merged
// ticket forwards to the one it was merged into.
std::optional<Id> Mail::thread_of(store::Tx& tx, const InboundMail& mail) {
  std::optional<Id> found;
  for (const auto& ref : mail.references) {
    if (auto n = tx.messages().ticket_by_email_message_id(ref)) {
      found = n;
      break;
    }
  }
  if (!found) {
    if (auto n = mail_filters::subject_ticket_number(mail.subject);
        n && tx.tickets().ticket_by_number(*n))
      found = n;
  }
  for (int hops = 0; found && hops < 10; ++hops) {
    auto t = tx.tickets().ticket_by_number(*found);
    if (!t || !t->merged_into) break;
    found = t->merged_into;
  }
  return found;
}

// Whether the From: address is to be believed for what only its owner may do (add Cc
// addresses): when the MTA vouched for it, or when no trusted authserv-id is configured at all
// (there is nothing to check against; the README says so).
bool Mail::vouched_for(const InboundMail& mail) {
  return mail.sender_check != SenderCheck::unauthenticated;
}

Result<MailResult> Mail::open_ticket(const core::Actor& gate, InboundMail& mail, bool unverified) {
  OpenTicket in;
  in.subject = mail.subject;
  in.body = std::move(mail.text);
  in.requester_email = mail.from_email;
  if (!mail.from_name.empty()) in.requester_name = mail.from_name;
  in.channel = core::Channel::email;
  in.attachments = std::move(mail.attachments);
  in.email_message_id = mail.message_id;
  in.written_by_requester = true;
  in.unverified_sender = unverified;
  in.html = std::move(mail.html);
  auto t = tickets_.open(gate, std::move(in));
  if (!t) return t.take_error();
  if (!unverified) remember_ccs(t->number, mail);
  return MailResult{MailOutcome::created, t->number, ""};
}

// The requester's Cc list joins the ticket (at most kMaxCcs addresses, never the requester).
void Mail::remember_ccs(Id ticket, const InboundMail& mail) {
  constexpr std::size_t kMaxCcs = 10;
  std::vector<std::string> ccs;
  for (const auto& cc : mail.cc) {
    if (ccs.size() < kMaxCcs && core::looks_like_email(cc) && cc != mail.from_email) {
      ccs.push_back(cc);
    }
  }
  if (ccs.empty()) return;
  auto added = in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) -> core::Done {
    auto t = tx.tickets().ticket_by_number(ticket);
    if (!t || t->requester_email != mail.from_email) return core::done();  // only the requester's
    for (const auto& cc : ccs) tx.tickets().add_ticket_cc(ticket, cc);
    return core::done();
  });
  (void)added;  // the message is stored either way; a lost Cc is not worth failing it
}

Result<MailResult> Mail::receive(const core::Actor& gate, InboundMail mail) {
  if (!gate.is_staff()) {
    return make_error(Errc::forbidden, "mail is handed in by a staff account's token");
  }
  if (auto why = mail_filters::too_large(mail, ctx_.limits.max_attachment_bytes)) {
    return make_error(Errc::too_large, *why);
  }
  try {
    fit_to_ticket_limits(mail);
    // Everything the pipeline needs from the database, in one read.
    std::optional<Id> stored, thread;
    std::optional<core::Actor> sender;
    ctx_.db.read([&](store::Tx& tx) {
      stored = mail_filters::already_stored(tx, mail);
      if (stored) return;
      thread = thread_of(tx, mail);
      if (auto u = tx.accounts().user_by_email(mail.from_email); u && !u->disabled) {
        sender = tx.accounts().actor_by_user_id(u->id);
      }
    });
    // Staff speak by mail only when the MTA vouched for them, even with no authserv-id
    // configured: a forged staff From: must never reach a customer as the help desk's answer.
    const bool staff_address = sender && sender->is_staff();
    const bool unverified =
        staff_address ? mail.sender_check != SenderCheck::authenticated : !vouched_for(mail);
    if (stored) return MailResult{MailOutcome::duplicate, stored, "already stored"};
    if (auto why = mail_filters::loop_reason(mail)) {
      return MailResult{MailOutcome::ignored, std::nullopt, *why};
    }
    if (mail_filters::is_bounce(mail)) {
      if (!thread) return MailResult{MailOutcome::ignored, std::nullopt, "bounce about no ticket"};
      const auto now = ctx_.clock.now();
      auto recorded = in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) -> core::Done {
        record_event(tx, core::Actor{}, *thread, core::EventType::mail_bounced,
                     EventData()
                         .add("from", mail.from_email)
                         .add("subject", mail.subject)
                         .add("status", mail.report_status)
                         .str(),
                     now);
        return core::done();
      });
      if (!recorded) return recorded.take_error();
      return MailResult{MailOutcome::bounce_recorded, thread, ""};
    }
    const bool auto_reply = mail_filters::is_auto_reply(mail);
    if (thread && sender) {  // a stranger's "[#N]" never joins ticket N
      MessageOptions options{mail.message_id, auto_reply, unverified, std::nullopt, mail.html};
      // An unverified staff address leaves a note for the team, never a reply to the customer.
      const auto kind = staff_address && unverified ? core::MessageKind::internal_note
                                                    : core::MessageKind::public_reply;
      auto added =
          tickets_.add_message(*sender, *thread, kind, mail.text, mail.attachments, options);
      if (added) {
        if (!unverified) remember_ccs(*thread, mail);
        return MailResult{MailOutcome::appended, thread, ""};
      }
      // Not theirs to answer, or closed for good: a new ticket, so nothing is lost.
      const auto code = added.error().code;
      if (code != Errc::not_found && code != Errc::forbidden && code != Errc::conflict &&
          code != Errc::invalid) {
        return added.take_error();
      }
    }
    if (auto_reply) {
      return MailResult{MailOutcome::ignored, thread, "automatic reply"};
    }
    return open_ticket(gate, mail, unverified);
  } catch (const store::StoreError& e) {
    return store_failure(e);
  }
}

Result<std::vector<std::int64_t>> Mail::imap_pending(const std::string& mailbox) {
  return in_read<std::vector<std::int64_t>>(ctx_.db, [&](store::Tx& tx) {
    return Result<std::vector<std::int64_t>>(tx.mail().imap_pending(mailbox));
  });
}

core::Done Mail::imap_begin(const std::string& mailbox, std::int64_t uid) {
  return in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) -> core::Done {
    tx.mail().add_imap_pending(mailbox, uid);
    return core::done();
  });
}

core::Done Mail::imap_done(const std::string& mailbox, std::int64_t uid) {
  return in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) -> core::Done {
    tx.mail().remove_imap_pending(mailbox, uid);
    return core::done();
  });
}

}  // namespace frontline::app
