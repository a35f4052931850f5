// PostgreSQL MessageRepository: messages and attachment records. Queries are named constants next
// to the code that runs them; every value is bound as a parameter. The same statements as the
// SQLite adapter's messages.cpp, in PostgreSQL's words: ids come from RETURNING, chr(10) for
// char(10), ticket_search keyed by ticket_number (FTS5's rowid there).
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

namespace {

constexpr const char* kMessageColumns =
    "SELECT m.id, m.ticket_number, m.kind, m.author_id, u.name, m.body, m.created_at, "
    "coalesce(m.email_message_id, ''), m.unverified_sender, m.html FROM messages m "
    "JOIN users u ON u.id = m.author_id ";

core::Message read_message(const Stmt& s) {
  core::Message m;
  m.id = s.int64(0);
  m.ticket_number = s.int64(1);
  m.kind = core::parse_message_kind(s.text(2)).value_or(core::MessageKind::system);
  m.author_id = s.int64(3);
  m.author_name = s.text(4);
  m.body = s.text(5);
  m.created_at = s.int64(6);
  m.email_message_id = s.text(7);
  m.unverified_sender = s.boolean(8);
  m.html = s.text(9);
  return m;
}

core::Attachment read_attachment(const Stmt& s) {
  core::Attachment a;
  a.id = s.int64(0);
  a.ticket_number = s.int64(1);
  a.message_id = s.opt_int64(2);
  a.filename = s.text(3);
  a.content_type = s.text(4);
  a.size = s.int64(5);
  a.sha256 = s.text(6);
  a.created_at = s.int64(7);
  return a;
}

constexpr const char* kAttachmentColumns =
    "SELECT id, ticket_number, message_id, filename, content_type, size, sha256, created_at "
    "FROM attachments ";

}  // namespace

Id PgMessages::insert_message(const core::Message& m) {
  Id id = insert_message_unindexed(m);
  const char* sql = m.kind == core::MessageKind::internal_note
                        ? "UPDATE ticket_search SET internal_text = internal_text || chr(10) || $1 "
                          "WHERE ticket_number = $2"
                        : "UPDATE ticket_search SET public_text = public_text || chr(10) || $1 "
                          "WHERE ticket_number = $2";
  db_.prepare(sql).bind(1, m.body).bind(2, m.ticket_number).run();
  return id;
}

Id PgMessages::insert_message_unindexed(const core::Message& m) {
  auto s = db_.prepare(
      "INSERT INTO messages(ticket_number, kind, author_id, body, created_at, "
      "email_message_id, unverified_sender, html) VALUES($1, $2, $3, $4, $5, nullif($6, ''), $7, "
      "$8) RETURNING id");
  s.bind(1, m.ticket_number)
      .bind(2, core::to_string(m.kind))
      .bind(3, m.author_id)
      .bind(4, m.body)
      .bind(5, m.created_at)
      .bind(6, m.email_message_id)
      .bind_bool(7, m.unverified_sender)
      .bind(8, m.html);
  s.step();
  return s.int64(0);
}

std::vector<core::Message> PgMessages::list_messages(Id ticket_number, bool include_internal) {
  auto s = db_.prepare(std::string(kMessageColumns) +
                       "WHERE m.ticket_number = $1 AND ($2 OR m.kind <> 'internal') ORDER BY m.id");
  s.bind(1, ticket_number).bind_bool(2, include_internal);
  std::vector<core::Message> out;
  while (s.step()) out.push_back(read_message(s));
  auto a = db_.prepare(std::string(kAttachmentColumns) +
                       "WHERE ticket_number = $1 AND message_id IS NOT NULL ORDER BY id");
  a.bind(1, ticket_number);
  while (a.step()) {
    auto att = read_attachment(a);
    for (auto& m : out) {
      if (att.message_id == m.id) m.attachments.push_back(att);
    }
  }
  return out;
}

std::optional<Id> PgMessages::ticket_by_email_message_id(std::string_view message_id) {
  auto s = db_.prepare(
      "SELECT ticket_number FROM messages WHERE email_message_id = $1 UNION ALL "
      "SELECT ticket_number FROM mail_outbox WHERE message_id = $1 AND ticket_number IS NOT NULL "
      "LIMIT 1");
  s.bind(1, message_id);
  if (!s.step()) return std::nullopt;
  return s.int64(0);
}

std::optional<core::Message> PgMessages::message_by_id(Id id) {
  auto s = db_.prepare(std::string(kMessageColumns) + "WHERE m.id = $1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_message(s);
}

std::vector<std::string> PgMessages::ticket_email_message_ids(Id ticket_number) {
  // Ties within a second and a source go by id, the order SQLite returns them in.
  auto s = db_.prepare(
      "SELECT email_message_id, created_at, 0, id FROM messages WHERE ticket_number = $1 AND "
      "email_message_id IS NOT NULL UNION ALL SELECT message_id, created_at, 1, id FROM "
      "mail_outbox WHERE ticket_number = $1 ORDER BY 2, 3, 4");
  s.bind(1, ticket_number);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

void PgMessages::move_messages(Id from_ticket, Id to_ticket) {
  db_.prepare("UPDATE messages SET ticket_number = $1 WHERE ticket_number = $2")
      .bind(1, to_ticket)
      .bind(2, from_ticket)
      .run();
  db_.prepare("UPDATE attachments SET ticket_number = $1 WHERE ticket_number = $2")
      .bind(1, to_ticket)
      .bind(2, from_ticket)
      .run();
  // The merged ticket's words now belong to the target's document too.
  db_.prepare(
         "UPDATE ticket_search SET "
         "public_text = public_text || chr(10) || (SELECT subject || chr(10) || public_text "
         "FROM ticket_search WHERE ticket_number = $1), "
         "internal_text = internal_text || chr(10) || (SELECT internal_text FROM ticket_search "
         "WHERE ticket_number = $1) WHERE ticket_number = $2")
      .bind(1, from_ticket)
      .bind(2, to_ticket)
      .run();
}

Id PgMessages::insert_attachment(const core::Attachment& a) {
  auto s = db_.prepare(
      "INSERT INTO attachments(ticket_number, message_id, filename, content_type, size, sha256, "
      "created_at) VALUES($1, $2, $3, $4, $5, $6, $7) RETURNING id");
  s.bind(1, a.ticket_number)
      .bind(2, a.message_id)
      .bind(3, a.filename)
      .bind(4, a.content_type)
      .bind(5, a.size)
      .bind(6, a.sha256)
      .bind(7, a.created_at);
  s.step();
  return s.int64(0);
}

std::optional<core::Attachment> PgMessages::attachment_by_id(Id id) {
  auto s = db_.prepare(std::string(kAttachmentColumns) + "WHERE id = $1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_attachment(s);
}

}  // namespace frontline::store::postgres
