// SQLite PromiseRepository: promises on tickets and the marks the reminder job and people set.
// Queries are named constants next to the code that runs them; every value is bound as a
// parameter. Each mark is a conditional UPDATE, so it is set once.
#include <string>

#include "store/sqlite/repositories.hpp"

namespace frontline::store::sqlite {

using core::Id;

namespace {

constexpr const char* kPromiseColumns =
    "SELECT p.id, p.ticket_number, p.owner_id, coalesce(u.name, ''), p.text, p.due_at, "
    "p.remind_at, p.created_at, p.reminded_at, p.broken_at, p.kept_at, p.kept_by "
    "FROM promises p LEFT JOIN users u ON u.id = p.owner_id ";

core::Promise read_promise(const Stmt& s) {
  core::Promise p;
  p.id = s.int64(0);
  p.ticket_number = s.int64(1);
  p.owner_id = s.int64(2);
  p.owner_name = s.text(3);
  p.text = s.text(4);
  p.due_at = s.int64(5);
  p.remind_at = s.int64(6);
  p.created_at = s.int64(7);
  p.reminded_at = s.opt_int64(8);
  p.broken_at = s.opt_int64(9);
  p.kept_at = s.opt_int64(10);
  p.kept_by = s.opt_int64(11);
  return p;
}

std::vector<core::Promise> read_all(Stmt& s) {
  std::vector<core::Promise> out;
  while (s.step()) out.push_back(read_promise(s));
  return out;
}

}  // namespace

Id SqlitePromises::insert_promise(const core::Promise& p) {
  auto s = db_.prepare(
      "INSERT INTO promises(ticket_number, owner_id, text, due_at, remind_at, created_at, "
      "reminded_at, broken_at, kept_at, kept_by) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  s.bind(1, p.ticket_number).bind(2, p.owner_id).bind(3, p.text).bind(4, p.due_at);
  s.bind(5, p.remind_at).bind(6, p.created_at).bind(7, p.reminded_at).bind(8, p.broken_at);
  s.bind(9, p.kept_at).bind(10, p.kept_by);
  s.run();
  return db_.last_insert_rowid();
}

std::optional<core::Promise> SqlitePromises::promise_by_id(Id id) {
  auto s = db_.prepare(std::string(kPromiseColumns) + "WHERE p.id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_promise(s);
}

std::vector<core::Promise> SqlitePromises::ticket_promises(Id ticket_number) {
  auto s = db_.prepare(std::string(kPromiseColumns) +
                       "WHERE p.ticket_number = ?1 ORDER BY p.due_at, p.id");
  s.bind(1, ticket_number);
  return read_all(s);
}

std::vector<core::Promise> SqlitePromises::open_promises(const PromiseFilter& f) {
  auto s = db_.prepare(std::string(kPromiseColumns) +
                       (f.broken ? "WHERE p.kept_at IS NULL AND p.due_at <= ?1 "
                                 : "WHERE p.kept_at IS NULL AND p.due_at > ?1 ") +
                       "AND (?2 IS NULL OR p.owner_id = ?2) ORDER BY p.due_at, p.id LIMIT ?3");
  s.bind(1, f.now).bind(2, f.owner_id).bind(3, static_cast<std::int64_t>(f.limit));
  return read_all(s);
}

std::vector<core::Promise> SqlitePromises::promises_to_remind(UnixTime now, int limit) {
  auto s = db_.prepare(std::string(kPromiseColumns) +
                       "WHERE p.reminded_at IS NULL AND p.kept_at IS NULL AND p.remind_at <= ?1 "
                       "ORDER BY p.remind_at, p.id LIMIT ?2");
  s.bind(1, now).bind(2, static_cast<std::int64_t>(limit));
  return read_all(s);
}

std::vector<core::Promise> SqlitePromises::promises_to_break(UnixTime now, int limit) {
  auto s = db_.prepare(std::string(kPromiseColumns) +
                       "WHERE p.kept_at IS NULL AND p.broken_at IS NULL AND p.due_at <= ?1 "
                       "ORDER BY p.due_at, p.id LIMIT ?2");
  s.bind(1, now).bind(2, static_cast<std::int64_t>(limit));
  return read_all(s);
}

std::vector<core::Promise> SqlitePromises::promises_due_between(UnixTime from, UnixTime to) {
  auto s = db_.prepare(std::string(kPromiseColumns) +
                       "WHERE p.due_at >= ?1 AND p.due_at < ?2 ORDER BY p.due_at, p.id");
  s.bind(1, from).bind(2, to);
  return read_all(s);
}

bool SqlitePromises::mark_promise_reminded(Id id, UnixTime at) {
  auto s =
      db_.prepare("UPDATE promises SET reminded_at = ?1 WHERE id = ?2 AND reminded_at IS NULL");
  s.bind(1, at).bind(2, id);
  s.run();
  return db_.changes() > 0;
}

bool SqlitePromises::mark_promise_broken(Id id, UnixTime at) {
  auto s = db_.prepare("UPDATE promises SET broken_at = ?1 WHERE id = ?2 AND broken_at IS NULL");
  s.bind(1, at).bind(2, id);
  s.run();
  return db_.changes() > 0;
}

bool SqlitePromises::mark_promise_kept(Id id, Id by, UnixTime at) {
  auto s = db_.prepare(
      "UPDATE promises SET kept_at = ?1, kept_by = ?2 WHERE id = ?3 AND kept_at IS NULL");
  s.bind(1, at).bind(2, by).bind(3, id);
  s.run();
  return db_.changes() > 0;
}

}  // namespace frontline::store::sqlite
