// PostgreSQL MailRepository: mail templates, the outgoing queue, IMAP intake in progress. Queries
// are named constants next to the code that runs them; every value is bound as a parameter.
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

namespace {

constexpr const char* kOutboxColumns =
    "SELECT id, event_id, kind, ticket_number, recipient, subject, body, message_id, "
    "in_reply_to, refs, auto_submitted, status, attempts, next_attempt_at, last_error, "
    "created_at, html FROM mail_outbox ";

core::OutboundMail read_outbound(const Stmt& s) {
  core::OutboundMail m;
  m.id = s.int64(0);
  m.event_id = s.int64(1);
  m.kind = s.text(2);
  m.ticket_number = s.opt_int64(3);
  m.recipient = s.text(4);
  m.subject = s.text(5);
  m.body = s.text(6);
  m.message_id = s.text(7);
  m.in_reply_to = s.text(8);
  std::string refs = s.text(9);
  for (std::size_t at = 0; at < refs.size();) {
    auto end = refs.find(' ', at);
    if (end == std::string::npos) end = refs.size();
    if (end > at) m.references.push_back(refs.substr(at, end - at));
    at = end + 1;
  }
  m.auto_submitted = s.text(10);
  const std::string status = s.text(11);
  m.status = status == "sent"     ? core::MailStatus::sent
             : status == "failed" ? core::MailStatus::failed
                                  : core::MailStatus::queued;
  m.attempts = static_cast<int>(s.int64(12));
  m.next_attempt_at = s.int64(13);
  m.last_error = s.text(14);
  m.created_at = s.int64(15);
  m.html = s.text(16);
  return m;
}

const char* status_text(core::MailStatus s) {
  switch (s) {
    case core::MailStatus::sent:
      return "sent";
    case core::MailStatus::failed:
      return "failed";
    case core::MailStatus::queued:
      return "queued";
  }
  return "queued";
}

}  // namespace

std::optional<MailTemplateRecord> PgMail::mail_template(std::string_view kind) {
  auto s = db_.prepare("SELECT subject, body, html FROM mail_templates WHERE kind = $1");
  s.bind(1, kind);
  if (!s.step()) return std::nullopt;
  return MailTemplateRecord{s.text(0), s.text(1), s.text(2)};
}

void PgMail::set_mail_template(std::string_view kind, const MailTemplateRecord& text,
                               UnixTime now) {
  db_.prepare(
         "INSERT INTO mail_templates(kind, subject, body, html, updated_at) "
         "VALUES($1, $2, $3, $4, $5) "
         "ON CONFLICT(kind) DO UPDATE SET subject = excluded.subject, body = excluded.body, "
         "html = excluded.html, updated_at = excluded.updated_at")
      .bind(1, kind)
      .bind(2, text.subject)
      .bind(3, text.body)
      .bind(4, text.html)
      .bind(5, now)
      .run();
}

bool PgMail::delete_mail_template(std::string_view kind) {
  return db_.prepare("DELETE FROM mail_templates WHERE kind = $1").bind(1, kind).changes() > 0;
}

bool PgMail::insert_outbound_mail(const core::OutboundMail& m) {
  std::string refs;
  for (const auto& r : m.references) refs += (refs.empty() ? "" : " ") + r;
  // ON CONFLICT without a target skips a clash on either unique key, (event_id, kind,
  // recipient) or message_id, as INSERT OR IGNORE did; changes() is 0 when it skipped.
  return db_.prepare(
                "INSERT INTO mail_outbox(event_id, kind, ticket_number, recipient, subject, body, "
                "message_id, in_reply_to, refs, auto_submitted, next_attempt_at, created_at, "
                "html) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
                "ON CONFLICT DO NOTHING")
             .bind(1, m.event_id)
             .bind(2, m.kind)
             .bind(3, m.ticket_number)
             .bind(4, m.recipient)
             .bind(5, m.subject)
             .bind(6, m.body)
             .bind(7, m.message_id)
             .bind(8, m.in_reply_to)
             .bind(9, refs)
             .bind(10, m.auto_submitted)
             .bind(11, m.next_attempt_at)
             .bind(12, m.created_at)
             .bind(13, m.html)
             .changes() > 0;
}

std::vector<core::OutboundMail> PgMail::due_outbound_mail(UnixTime now, int limit) {
  auto s = db_.prepare(std::string(kOutboxColumns) +
                       "WHERE status = 'queued' AND next_attempt_at <= $1 "
                       "ORDER BY next_attempt_at, id LIMIT $2");
  s.bind(1, now).bind(2, static_cast<std::int64_t>(limit));
  std::vector<core::OutboundMail> out;
  while (s.step()) out.push_back(read_outbound(s));
  return out;
}

std::optional<core::OutboundMail> PgMail::outbound_mail_by_id(Id id) {
  auto s = db_.prepare(std::string(kOutboxColumns) + "WHERE id = $1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_outbound(s);
}

void PgMail::update_outbound_mail(const core::OutboundMail& m, UnixTime now) {
  db_.prepare(
         "UPDATE mail_outbox SET status = $1, attempts = $2, next_attempt_at = $3, last_error = "
         "$4, "
         "sent_at = CASE WHEN $5::text = 'sent' THEN $6::bigint ELSE sent_at END WHERE id = $7")
      .bind(1, status_text(m.status))
      .bind(2, static_cast<std::int64_t>(m.attempts))
      .bind(3, m.next_attempt_at)
      .bind(4, m.last_error)
      .bind(5, status_text(m.status))
      .bind(6, now)
      .bind(7, m.id)
      .run();
}

std::vector<std::string> PgMail::mail_recipients(Id event_id, std::string_view kind) {
  auto s = db_.prepare("SELECT recipient FROM mail_outbox WHERE event_id = $1 AND kind = $2");
  s.bind(1, event_id).bind(2, kind);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

std::vector<std::int64_t> PgMail::imap_pending(std::string_view mailbox) {
  auto s = db_.prepare("SELECT uid FROM imap_pending WHERE mailbox = $1 ORDER BY uid");
  s.bind(1, mailbox);
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

void PgMail::add_imap_pending(std::string_view mailbox, std::int64_t uid) {
  db_.prepare("INSERT INTO imap_pending(mailbox, uid) VALUES($1, $2) ON CONFLICT DO NOTHING")
      .bind(1, mailbox)
      .bind(2, uid)
      .run();
}

void PgMail::remove_imap_pending(std::string_view mailbox, std::int64_t uid) {
  db_.prepare("DELETE FROM imap_pending WHERE mailbox = $1 AND uid = $2")
      .bind(1, mailbox)
      .bind(2, uid)
      .run();
}

}  // namespace frontline::store::postgres
