// Mail: admins' templates, the outgoing queue, and the IMAP messages being taken in.
//
// Promises: a mail is queued at most once per (event, kind, recipient); due_outbound_mail is
// only queued mail whose next attempt has come, earliest next attempt first (ties in the order
// queued). Missing rows are nullopt.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace frontline::store {

using core::Id;
using core::UnixTime;

struct MailTemplateRecord {
  std::string subject;
  std::string body;
  std::string html;  // empty: the mail is text only
};

class MailRepository {
 public:
  virtual ~MailRepository() = default;

  // An admin's wording for a mail kind, if set.
  virtual std::optional<MailTemplateRecord> mail_template(std::string_view kind) = 0;
  virtual void set_mail_template(std::string_view kind, const MailTemplateRecord& text,
                                 UnixTime now) = 0;
  // false when the kind had no template.
  virtual bool delete_mail_template(std::string_view kind) = 0;
  // false when the same (event, kind, recipient) was queued before, or a mail with the same
  // message_id was; the mail queued first stays as it was.
  virtual bool insert_outbound_mail(const core::OutboundMail& mail) = 0;
  virtual std::vector<core::OutboundMail> due_outbound_mail(UnixTime now, int limit) = 0;
  virtual std::optional<core::OutboundMail> outbound_mail_by_id(Id id) = 0;
  // Writes status, attempts, next_attempt_at, last_error (and sent_at when sent).
  virtual void update_outbound_mail(const core::OutboundMail& mail, UnixTime now) = 0;
  // Recipients already queued a mail of this kind for this event id, whatever its status, in
  // no particular order (the morning report uses the report's day as its event id, so a day's
  // report is queued once).
  virtual std::vector<std::string> mail_recipients(Id event_id, std::string_view kind) = 0;
  // The mailbox's pending UIDs, ascending. Adding a UID twice keeps it once; removing one that
  // is not pending changes nothing.
  virtual std::vector<std::int64_t> imap_pending(std::string_view mailbox) = 0;
  virtual void add_imap_pending(std::string_view mailbox, std::int64_t uid) = 0;
  virtual void remove_imap_pending(std::string_view mailbox, std::int64_t uid) = 0;
};

}  // namespace frontline::store
