// PostgreSQL repository calls for live chats (migration 014): the chats, their numbered logs and
// the forms staff send into them. The next seq comes from chats.last_seq, bumped in the same
// statement that reads it: where SQLite's single writer makes that race-free, here the UPDATE
// takes the chat's row lock, so a second writer on the same chat waits for the first to end and
// then fails to serialize and runs again (PgDatabase retries) — no two entries get one seq.
#include <sstream>

#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {
namespace {

using core::Id;

constexpr const char* kChatColumns =
    "c.id, c.ticket_number, c.status, c.requester_id, c.name, c.email, c.topic, c.technician, "
    "c.steps_done, c.steps_other, c.serial_number, c.machine_type, c.agent_id, "
    "COALESCE(u.name, ''), c.team_id, c.visitor_token_hash, c.created_at, c.accepted_at, "
    "c.ended_at, c.offered_at, c.last_seq, c.rating, c.rating_comment";
constexpr const char* kChatFrom = " FROM chats c LEFT JOIN users u ON u.id = c.agent_id ";

constexpr const char* kEntryColumns =
    "chat_id, seq, kind, author_role, author_id, author_name, body, data, client_key, "
    "message_id, at";

std::string join(const std::vector<std::string>& items, char sep) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string item; std::getline(in, item, sep);) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

core::Chat read_chat(const Stmt& s) {
  core::Chat c;
  c.id = s.int64(0);
  c.ticket_number = s.int64(1);
  c.status = core::parse_chat_status(s.text(2)).value_or(core::ChatStatus::ended);
  c.requester_id = s.int64(3);
  c.intake.name = s.text(4);
  c.intake.email = s.text(5);
  c.intake.topic = s.text(6);
  c.intake.technician = s.boolean(7);
  c.intake.steps_done = split(s.text(8), ' ');
  c.intake.steps_other = s.text(9);
  c.intake.serial_number = s.text(10);
  c.intake.machine_type = s.text(11);
  c.agent_id = s.opt_int64(12);
  c.agent_name = s.text(13);
  c.team_id = s.opt_int64(14);
  c.visitor_token_hash = s.text(15);
  c.created_at = s.int64(16);
  c.accepted_at = s.opt_int64(17);
  c.ended_at = s.opt_int64(18);
  c.offered_at = s.int64(19);
  c.last_seq = s.int64(20);
  if (auto r = s.opt_int64(21)) c.rating = static_cast<int>(*r);
  c.rating_comment = s.text(22);
  return c;
}

std::string client_key(std::optional<Id> author_id, std::string_view client_id) {
  return (author_id ? std::to_string(*author_id) : std::string("v")) + ":" + std::string(client_id);
}

core::ChatEntry read_entry(const Stmt& s) {
  core::ChatEntry e;
  e.chat_id = s.int64(0);
  e.seq = s.int64(1);
  e.kind = core::parse_chat_entry_kind(s.text(2)).value_or(core::ChatEntryKind::message);
  e.author_role = core::parse_role(s.text(3)).value_or(core::Role::customer);
  e.author_id = s.opt_int64(4);
  e.author_name = s.text(5);
  e.body = s.text(6);
  e.data = s.text(7);
  if (!s.is_null(8)) {
    auto key = s.text(8);
    e.client_id = key.substr(key.find(':') + 1);
  }
  e.message_id = s.opt_int64(9);
  e.at = s.int64(10);
  return e;
}

std::vector<core::Chat> read_chats(Stmt& s) {
  std::vector<core::Chat> out;
  while (s.step()) out.push_back(read_chat(s));
  return out;
}

}  // namespace

Id PgChats::insert_chat(const core::Chat& c) {
  auto s = db_.prepare(
      "INSERT INTO chats(ticket_number, status, requester_id, name, email, topic, technician, "
      "steps_done, steps_other, serial_number, machine_type, agent_id, team_id, "
      "visitor_token_hash, created_at, accepted_at, ended_at, offered_at) "
      "VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) "
      "RETURNING id");
  s.bind(1, c.ticket_number);
  s.bind(2, core::to_string(c.status));
  s.bind(3, c.requester_id);
  s.bind(4, c.intake.name);
  s.bind(5, c.intake.email);
  s.bind(6, c.intake.topic);
  s.bind_bool(7, c.intake.technician);
  s.bind(8, join(c.intake.steps_done, ' '));
  s.bind(9, c.intake.steps_other);
  s.bind(10, c.intake.serial_number);
  s.bind(11, c.intake.machine_type);
  s.bind(12, c.agent_id);
  s.bind(13, c.team_id);
  s.bind(14, c.visitor_token_hash);
  s.bind(15, c.created_at);
  s.bind(16, c.accepted_at);
  s.bind(17, c.ended_at);
  s.bind(18, c.offered_at);
  s.step();
  return s.int64(0);
}

std::optional<core::Chat> PgChats::chat_by_id(Id id) {
  auto s = db_.prepare(std::string("SELECT ") + kChatColumns + kChatFrom + "WHERE c.id = $1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_chat(s);
}

std::optional<core::Chat> PgChats::chat_by_ticket(Id ticket_number) {
  auto s = db_.prepare(std::string("SELECT ") + kChatColumns + kChatFrom +
                       "WHERE c.ticket_number = $1 ORDER BY c.id DESC LIMIT 1");
  s.bind(1, ticket_number);
  if (!s.step()) return std::nullopt;
  return read_chat(s);
}

bool PgChats::update_chat(const core::Chat& c) {
  auto s = db_.prepare(
      "UPDATE chats SET status = $1, agent_id = $2, team_id = $3, accepted_at = $4, "
      "ended_at = $5, offered_at = $6, rating = $7, rating_comment = $8 WHERE id = $9");
  s.bind(1, core::to_string(c.status));
  s.bind(2, c.agent_id);
  s.bind(3, c.team_id);
  s.bind(4, c.accepted_at);
  s.bind(5, c.ended_at);
  s.bind(6, c.offered_at);
  s.bind(7, c.rating ? std::optional<std::int64_t>(*c.rating) : std::nullopt);
  s.bind(8, c.rating_comment);
  s.bind(9, c.id);
  return s.changes() > 0;
}

std::vector<core::Chat> PgChats::list_chats(core::ChatStatus status, std::optional<Id> requester_id,
                                            int limit) {
  auto s = db_.prepare(std::string("SELECT ") + kChatColumns + kChatFrom +
                       "WHERE c.status = $1 AND ($2::bigint IS NULL OR c.requester_id = $2) "
                       "ORDER BY c.id LIMIT $3");
  s.bind(1, core::to_string(status));
  s.bind(2, requester_id);
  s.bind(3, std::int64_t{limit});
  return read_chats(s);
}

std::int64_t PgChats::waiting_ahead(const core::Chat& chat) {
  auto s = db_.prepare("SELECT count(*) FROM chats WHERE status = 'waiting' AND id < $1");
  s.bind(1, chat.id);
  s.step();
  return s.int64(0);
}

std::int64_t PgChats::active_chats_of(Id agent_id) {
  auto s = db_.prepare("SELECT count(*) FROM chats WHERE agent_id = $1 AND status = 'active'");
  s.bind(1, agent_id);
  s.step();
  return s.int64(0);
}

std::vector<core::Chat> PgChats::waiting_offered_before(core::UnixTime before, int limit) {
  auto s = db_.prepare(std::string("SELECT ") + kChatColumns + kChatFrom +
                       "WHERE c.status = 'waiting' AND c.offered_at <= $1 ORDER BY c.id LIMIT $2");
  s.bind(1, before);
  s.bind(2, std::int64_t{limit});
  return read_chats(s);
}

std::int64_t PgChats::append_entry(const core::ChatEntry& e) {
  std::int64_t seq = 0;
  {
    auto s =
        db_.prepare("UPDATE chats SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq");
    s.bind(1, e.chat_id);
    if (!s.step()) throw StoreError("no such chat", StoreError::Kind::not_found);
    seq = s.int64(0);
  }
  auto s = db_.prepare(std::string("INSERT INTO chat_log(") + kEntryColumns +
                       ") VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)");
  s.bind(1, e.chat_id);
  s.bind(2, seq);
  s.bind(3, core::to_string(e.kind));
  s.bind(4, core::to_string(e.author_role));
  s.bind(5, e.author_id);
  s.bind(6, e.author_name);
  s.bind(7, e.body);
  s.bind(8, e.data.empty() ? std::string_view("{}") : std::string_view(e.data));
  if (e.client_id.empty()) {
    s.bind_null(9);
  } else {
    s.bind(9, client_key(e.author_id, e.client_id));
  }
  s.bind(10, e.message_id);
  s.bind(11, e.at);
  s.run();
  return seq;
}

std::optional<core::ChatEntry> PgChats::entry_by_client_id(Id chat_id, std::optional<Id> author_id,
                                                           std::string_view client_id) {
  auto s = db_.prepare(std::string("SELECT ") + kEntryColumns +
                       " FROM chat_log WHERE chat_id = $1 AND client_key = $2");
  s.bind(1, chat_id);
  s.bind(2, client_key(author_id, client_id));
  if (!s.step()) return std::nullopt;
  return read_entry(s);
}

std::optional<core::ChatEntry> PgChats::entry_by_seq(Id chat_id, std::int64_t seq) {
  auto s = db_.prepare(std::string("SELECT ") + kEntryColumns +
                       " FROM chat_log WHERE chat_id = $1 AND seq = $2");
  s.bind(1, chat_id);
  s.bind(2, seq);
  if (!s.step()) return std::nullopt;
  return read_entry(s);
}

std::vector<core::ChatEntry> PgChats::entries_after(Id chat_id, std::int64_t after, int limit) {
  auto s = db_.prepare(std::string("SELECT ") + kEntryColumns +
                       " FROM chat_log WHERE chat_id = $1 AND seq > $2 ORDER BY seq LIMIT $3");
  s.bind(1, chat_id);
  s.bind(2, after);
  s.bind(3, std::int64_t{limit});
  std::vector<core::ChatEntry> out;
  while (s.step()) out.push_back(read_entry(s));
  return out;
}

namespace {

std::vector<core::FormField> read_fields(Connection& db, Id form_id) {
  auto s = db.prepare(
      "SELECT name, label, type, required, options FROM chat_form_fields WHERE form_id = $1 "
      "ORDER BY position");
  s.bind(1, form_id);
  std::vector<core::FormField> out;
  while (s.step()) {
    core::FormField f;
    f.name = s.text(0);
    f.label = s.text(1);
    f.type = core::parse_form_field_type(s.text(2)).value_or(core::FormFieldType::text);
    f.required = s.boolean(3);
    f.options = split(s.text(4), '\n');
    out.push_back(std::move(f));
  }
  return out;
}

void write_fields(Connection& db, const core::ChatForm& form, Id form_id) {
  {
    auto s = db.prepare("DELETE FROM chat_form_fields WHERE form_id = $1");
    s.bind(1, form_id);
    s.run();
  }
  std::int64_t position = 0;
  for (const auto& f : form.fields) {
    auto s = db.prepare(
        "INSERT INTO chat_form_fields(form_id, position, name, label, type, required, options) "
        "VALUES($1, $2, $3, $4, $5, $6, $7)");
    s.bind(1, form_id);
    s.bind(2, position++);
    s.bind(3, f.name);
    s.bind(4, f.label);
    s.bind(5, core::to_string(f.type));
    s.bind_bool(6, f.required);
    s.bind(7, join(f.options, '\n'));
    s.run();
  }
}

}  // namespace

std::vector<core::ChatForm> PgChats::list_forms() {
  std::vector<core::ChatForm> out;
  {
    auto s = db_.prepare("SELECT id, title, updated_at FROM chat_forms ORDER BY title, id");
    while (s.step()) out.push_back({s.int64(0), s.text(1), {}, s.int64(2)});
  }
  for (auto& f : out) f.fields = read_fields(db_, f.id);
  return out;
}

std::optional<core::ChatForm> PgChats::form_by_id(Id id) {
  core::ChatForm f;
  {
    auto s = db_.prepare("SELECT id, title, updated_at FROM chat_forms WHERE id = $1");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    f = {s.int64(0), s.text(1), {}, s.int64(2)};
  }
  f.fields = read_fields(db_, f.id);
  return f;
}

Id PgChats::insert_form(const core::ChatForm& form) {
  Id id;
  {
    auto s = db_.prepare("INSERT INTO chat_forms(title, updated_at) VALUES($1, $2) RETURNING id");
    s.bind(1, form.title);
    s.bind(2, form.updated_at);
    s.step();
    id = s.int64(0);
  }
  write_fields(db_, form, id);
  return id;
}

bool PgChats::update_form(const core::ChatForm& form) {
  {
    auto s = db_.prepare("UPDATE chat_forms SET title = $1, updated_at = $2 WHERE id = $3");
    s.bind(1, form.title);
    s.bind(2, form.updated_at);
    s.bind(3, form.id);
    if (s.changes() == 0) return false;
  }
  write_fields(db_, form, form.id);
  return true;
}

bool PgChats::delete_form(Id id) {
  auto s = db_.prepare("DELETE FROM chat_forms WHERE id = $1");
  s.bind(1, id);
  return s.changes() > 0;
}

}  // namespace frontline::store::postgres
