// SQLite EventRepository: the event log and consumer cursors. Queries are named constants next to
// the code that runs them; every value is bound as a parameter.
#include "store/sqlite/repositories.hpp"

namespace frontline::store::sqlite {

using core::Id;

namespace {

core::Event read_event(const Stmt& s) {
  core::Event e;
  e.id = s.int64(0);
  e.ticket_number = s.opt_int64(1);
  e.actor_id = s.opt_int64(2);
  e.type = s.text(3);
  e.data = s.text(4);
  e.internal = s.int64(5) != 0;
  e.created_at = s.int64(6);
  return e;
}

constexpr const char* kEventColumns =
    "SELECT id, ticket_number, actor_id, type, data, internal, created_at FROM events ";

}  // namespace

Id SqliteEvents::append_event(const core::Event& e) {
  db_.prepare(
         "INSERT INTO events(ticket_number, actor_id, type, data, internal, created_at) "
         "VALUES(?, ?, ?, ?, ?, ?)")
      .bind(1, e.ticket_number)
      .bind(2, e.actor_id)
      .bind(3, e.type)
      .bind(4, e.data)
      .bind(5, std::int64_t{e.internal})
      .bind(6, e.created_at)
      .run();
  return db_.last_insert_rowid();
}

std::vector<core::Event> SqliteEvents::ticket_events(Id ticket_number, bool include_internal,
                                                     Id after_id, int limit) {
  auto s = db_.prepare(std::string(kEventColumns) +
                       "WHERE ticket_number = ? AND id > ? AND (? OR internal = 0) "
                       "ORDER BY id LIMIT ?");
  s.bind(1, ticket_number).bind(2, after_id).bind(3, std::int64_t{include_internal});
  s.bind(4, static_cast<std::int64_t>(limit));
  std::vector<core::Event> out;
  while (s.step()) out.push_back(read_event(s));
  return out;
}

std::vector<core::Event> SqliteEvents::events_after(Id after_id, int limit) {
  auto s = db_.prepare(std::string(kEventColumns) + "WHERE id > ? ORDER BY id LIMIT ?");
  s.bind(1, after_id).bind(2, static_cast<std::int64_t>(limit));
  std::vector<core::Event> out;
  while (s.step()) out.push_back(read_event(s));
  return out;
}

Id SqliteEvents::last_event_id() {
  auto s = db_.prepare("SELECT coalesce(max(id), 0) FROM events");
  return s.step() ? s.int64(0) : 0;
}

Id SqliteEvents::consumer_cursor(std::string_view consumer) {
  auto s = db_.prepare("SELECT last_event_id FROM consumer_cursors WHERE consumer = ?");
  s.bind(1, consumer);
  return s.step() ? s.int64(0) : 0;
}

void SqliteEvents::set_consumer_cursor(std::string_view consumer, Id last_event_id) {
  db_.prepare(
         "INSERT INTO consumer_cursors(consumer, last_event_id) VALUES(?, ?) "
         "ON CONFLICT(consumer) DO UPDATE SET last_event_id = excluded.last_event_id")
      .bind(1, consumer)
      .bind(2, last_event_id)
      .run();
}

}  // namespace frontline::store::sqlite
