// PostgreSQL EventRepository: the event log and consumer cursors. Queries are named constants next
// to the code that runs them; every value is bound as a parameter.
//
// Unlike SQLite (one writer: ids are taken and committed in the same order), PostgreSQL hands
// out identity ids when a row is inserted and transactions commit in any order: A takes id 10,
// B takes 11 and commits first. A follower that read 11 and moved its cursor past it would never
// see 10. So events_after and last_event_id return only events that are *final*: every
// transaction that can still add an event with a smaller id has ended.
//
// How final is decided. events.txid (xid8, DEFAULT pg_current_xact_id()) is the inserting
// transaction. pg_snapshot_xmin(pg_current_snapshot()) is the oldest transaction still running
// when the reader's snapshot was taken: every xid below it has ended (committed — then the
// snapshot sees its rows — or rolled back). "txid < xmin" alone is not enough, because xids and
// event ids are not taken in the same order: B may get its xid first (it wrote a ticket), then A
// gets a newer xid and takes id 10, then B takes id 11 and commits; B's txid is below the xmin
// of a reader that still waits for A, and 11 would come out before 10. So each event records
// how far the xid counter had gone *after* its id was taken (its horizon), and append_event
// makes sure a transaction has its xid *before* it takes an id:
// - append_event first assigns the transaction's xid (pg_current_xact_id()), then inserts the
//   row inside a savepoint: the subtransaction's xid, which is the row's xmin, is assigned when
//   the row is written, after its id was drawn; it is the event's horizon. (PostgreSQL has no
//   function that reads a fresh xid counter inside a SERIALIZABLE transaction, whose snapshot
//   is taken at its start; the subtransaction's xid is one.)
// - any transaction T holding a smaller id drew it earlier, and had its xid before that, so
//   T.xid < horizon(e). When horizon(e) < the reader's xmin, T has ended: its events are in
//   the reader's snapshot or were rolled back. Event e and every id below it are then final.
// - the horizon as a 64-bit xid8: the row's 32-bit xmin is at most a transaction's lifetime
//   after txid, so horizon = txid + ((xmin - txid) mod 2^32).
// events_after(after) returns the events up to the newest final one, in id order: an id that is
// not final (id 11 while 10's transaction runs) waits, and then both come in id order.
// ticket_events is a ticket's history, not a follower: plain snapshot visibility, as in SQLite.
#include <algorithm>

#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

namespace {

core::Event read_event(const Stmt& s) {
  core::Event e;
  e.id = s.int64(0);
  e.ticket_number = s.opt_int64(1);
  e.actor_id = s.opt_int64(2);
  e.type = s.text(3);
  e.data = s.text(4);
  e.internal = s.boolean(5);
  e.created_at = s.int64(6);
  return e;
}

constexpr const char* kEventColumns =
    "SELECT id, ticket_number, actor_id, type, data, internal, created_at FROM events ";

// The newest final event with an id above $1 (see the file comment); NULL when none. Final
// events are all but the newest few, so reading the primary key backwards stops almost at once.
// xid8 has no arithmetic: it goes through text to bigint, and so does a row's xmin (xid).
constexpr const char* kNewestFinalId =
    "(SELECT id FROM events WHERE id > $1 AND "
    "txid::text::bigint + ((xmin::text::bigint - txid::text::bigint) & 4294967295) "
    "< pg_snapshot_xmin(pg_current_snapshot())::text::bigint ORDER BY id DESC LIMIT 1)";

}  // namespace

Id PgEvents::append_event(const core::Event& e) {
  // The transaction's xid before the id (see the file comment); a no-op once it has one. These
  // and the RELEASE travel with the INSERT and with the unit's next statement (or COMMIT).
  if (own_last_id_ == 0) db_.defer("SELECT pg_current_xact_id()");
  db_.defer("SAVEPOINT frontline_event");
  auto s = db_.prepare(
      "INSERT INTO events(ticket_number, actor_id, type, data, internal, created_at) "
      "VALUES($1, $2, $3, $4, $5, $6) RETURNING id");
  s.bind(1, e.ticket_number)
      .bind(2, e.actor_id)
      .bind(3, e.type)
      .bind(4, e.data)
      .bind_bool(5, e.internal)
      .bind(6, e.created_at);
  s.step();
  own_last_id_ = s.int64(0);
  db_.defer("RELEASE SAVEPOINT frontline_event");
  return own_last_id_;
}

std::vector<core::Event> PgEvents::ticket_events(Id ticket_number, bool include_internal,
                                                 Id after_id, int limit) {
  auto s = db_.prepare(std::string(kEventColumns) +
                       "WHERE ticket_number = $1 AND id > $2 AND ($3 OR NOT internal) "
                       "ORDER BY id LIMIT $4");
  s.bind(1, ticket_number).bind(2, after_id).bind_bool(3, include_internal);
  s.bind(4, static_cast<std::int64_t>(limit));
  std::vector<core::Event> out;
  while (s.step()) out.push_back(read_event(s));
  return out;
}

std::vector<core::Event> PgEvents::events_after(Id after_id, int limit) {
  auto s = db_.prepare(std::string(kEventColumns) + "WHERE id > $1 AND id <= " + kNewestFinalId +
                       " ORDER BY id LIMIT $2");
  s.bind(1, after_id).bind(2, static_cast<std::int64_t>(limit));
  std::vector<core::Event> out;
  while (s.step()) out.push_back(read_event(s));
  return out;
}

// The newest final id, or this unit's own newest event: a unit that appended an event and asks
// for the last id means its own (app/invitations.cpp keys the invitation mail by it), as on
// SQLite, whose writer sees its own rows. A follower starting from here in a read unit has no
// own events and gets the final bound.
Id PgEvents::last_event_id() {
  auto s = db_.prepare(std::string("SELECT coalesce(") + kNewestFinalId + ", 0)");
  s.bind(1, std::int64_t{0});
  const Id final_id = s.step() ? s.int64(0) : 0;
  return std::max(final_id, own_last_id_);
}

Id PgEvents::consumer_cursor(std::string_view consumer) {
  auto s = db_.prepare("SELECT last_event_id FROM consumer_cursors WHERE consumer = $1");
  s.bind(1, consumer);
  return s.step() ? s.int64(0) : 0;
}

void PgEvents::set_consumer_cursor(std::string_view consumer, Id last_event_id) {
  db_.prepare(
         "INSERT INTO consumer_cursors(consumer, last_event_id) VALUES($1, $2) "
         "ON CONFLICT(consumer) DO UPDATE SET last_event_id = excluded.last_event_id")
      .bind(1, consumer)
      .bind(2, last_event_id)
      .run();
}

}  // namespace frontline::store::postgres
