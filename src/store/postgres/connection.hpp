// A PostgreSQL connection (libpq) with a cache of named prepared statements, a statement wrapper
// that binds and reads typed values, transactions, and PgError: a failure with its SQLSTATE and
// the store's kind of failure. One thread at a time per connection. Every statement with
// parameters is prepared; values always travel as parameters, never spliced into SQL text.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace frontline::store::postgres {

// A database failure. kind() names the same cases as store::StoreError::Kind, one for one
// (store_error_from_pg.hpp converts at the store boundary), so this header needs no store code.
class PgError : public std::runtime_error {
 public:
  enum class Kind {
    unavailable,  // connection lost or refused, server shutting down, anything unexpected
    disk_full,    // 53100: no space left; passes once space is freed
    busy,         // 40001 serialization failure, 40P01 deadlock, 55P03 lock not available:
                  // roll back and run the unit again
    conflict,     // 23505: a unique key clash; field() names the column
    not_found,    // 23503: a foreign key to a missing row
  };
  PgError(const std::string& what, Kind kind, std::string sqlstate = {}, std::string field = {},
          std::string constraint = {})
      : std::runtime_error(what),
        kind_(kind),
        sqlstate_(std::move(sqlstate)),
        field_(std::move(field)),
        constraint_(std::move(constraint)) {}
  Kind kind() const { return kind_; }
  // The five-character SQLSTATE, or empty when the server sent none (the connection broke).
  const std::string& sqlstate() const { return sqlstate_; }
  // For a conflict: the first column of the clashing key ("email"), else empty.
  const std::string& field() const { return field_; }
  // The constraint or index the server named (users_email_key), when it named one.
  const std::string& constraint() const { return constraint_; }
  bool retryable() const { return kind_ == Kind::busy; }

 private:
  Kind kind_;
  std::string sqlstate_;
  std::string field_;
  std::string constraint_;
};

// The kind for a SQLSTATE; connection_lost when libpq says the connection is gone (then the
// SQLSTATE may be empty or anything).
PgError::Kind classify_sqlstate(std::string_view sqlstate, bool connection_lost);

class Connection;
class LanePipeline;

// Thrown by a connection lent from a lane's pipeline (lane_pipeline.hpp) when its unit asks for a
// second statement or a transaction: the unit is run again as an ordinary read. Not a
// std::exception, so nothing on the way catches it as a failure.
struct NeedsTransaction {};

// A cached prepared statement with its parameters, run on first step() or run(). Parameters
// are numbered from 1 ($1, $2, …) and sent as text; the server infers their types from the SQL
// (write $1::bigint where it cannot). Rows are read after step() returns true.
class Stmt {
 public:
  // name: the prepared statement's name (on a connection lent from a lane, its SQL text).
  Stmt(Connection& conn, std::string name) : conn_(&conn), name_(std::move(name)) {}
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt(Stmt&&) = default;
  Stmt& operator=(Stmt&&) = default;
  ~Stmt() = default;

  Stmt& bind(int i, std::int64_t v);
  Stmt& bind(int i, std::string_view v);
  // Exact overloads for strings, so neither is ambiguous with the optional<std::string> one.
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const std::optional<std::int64_t>& v);
  Stmt& bind(int i, const std::optional<std::string>& v);
  // Not an overload of bind: bind(i, 1) would be ambiguous between int64 and bool.
  Stmt& bind_bool(int i, bool v);
  Stmt& bind_null(int i);
  // Raw bytes for a bytea parameter, sent in binary (NUL and every other byte kept).
  Stmt& bind_bytes(int i, std::string_view v);

  // Runs the statement the first time; true while a row is available. Throws PgError.
  bool step();
  // Runs the statement (rows, if any, are dropped).
  void run();
  // Rows the statement affected (INSERT/UPDATE/DELETE) or returned; runs it if needed.
  std::int64_t changes();

  // Column readers for the current row. int64 and boolean of a NULL are 0 and false.
  std::int64_t int64(int col) const;
  std::optional<std::int64_t> opt_int64(int col) const;
  std::string text(int col) const;
  std::optional<std::string> opt_text(int col) const;
  bool boolean(int col) const;
  // A bytea column's bytes (the server sends them hex-escaped; this decodes).
  std::string bytes(int col) const;
  bool is_null(int col) const;

 private:
  void execute();
  const char* value(int col) const;

  Connection* conn_;
  std::string name_;
  std::vector<std::optional<std::string>> params_;
  std::vector<int> binary_;  // per parameter: 1 for bind_bytes, else 0 (text)
  std::unique_ptr<PGresult, void (*)(PGresult*)> result_{nullptr, PQclear};
  int row_ = -1;
};

enum class Isolation { read_committed, repeatable_read, serializable };

class Connection {
 public:
  // Connects to url (postgresql://… or key=value), waiting at most connect_timeout_seconds
  // unless the URL sets its own connect_timeout. Throws PgError (unavailable) on failure.
  explicit Connection(const std::string& url, int connect_timeout_seconds = 5);
  // For one read unit on a lane's shared connection: its first statement runs there, in the
  // lane's pipeline (statements are keyed by their SQL text); a second one, or anything else,
  // throws NeedsTransaction.
  explicit Connection(LanePipeline& lane) : lane_(&lane) {}
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // The cached prepared statement for sql (PQprepare once per connection, keyed by its text).
  Stmt prepare(std::string_view sql);
  // Runs SQL without parameters through the simple protocol: several statements are allowed
  // (migrations, SET, LISTEN). Throws PgError.
  void exec(std::string_view sql);

  // BEGIN with the isolation level; COMMIT (throws busy when a serializable transaction
  // cannot commit); ROLLBACK (quiet on a broken connection: the server rolled back already;
  // its answer is read at the connection's next use, like send_finishing's).
  void begin(Isolation isolation = Isolation::read_committed);
  void commit();
  void rollback() noexcept;

  // A unit's transaction, begun lazily: begin_sql ("BEGIN ISOLATION LEVEL …") travels with the
  // unit's first statement in one round trip (libpq's pipeline mode), and a unit that runs no
  // statement sends nothing. commit() and rollback() end it (or just forget it, when it never
  // began).
  void defer_begin(std::string begin_sql) { deferred_begin_ = std::move(begin_sql); }
  // A statement without parameters or rows worth reading (SAVEPOINT, RELEASE SAVEPOINT, SELECT
  // pg_current_xact_id()) sent in the same round trip as the next statement, or with COMMIT;
  // a failure surfaces there. ROLLBACK drops it.
  void defer(std::string sql) {
    if (lane_) throw NeedsTransaction{};
    deferred_.push_back(std::move(sql));
  }
  // Ends a read-only transaction later: its COMMIT is sent with the next unit's first statement
  // (one message to the server instead of two), or by send_finishing() when the connection is
  // put aside idle. Nothing depends on it: a read-only COMMIT changes nothing.
  void commit_later();
  // Sends what ends the previous unit, if anything, without waiting for the answer (read at the
  // connection's next use). The server then ends the transaction and drops its snapshot.
  void send_finishing();

  // False once the connection is lost; reset() connects again (prepared statements are lost
  // with the old session, so the cache starts empty).
  bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }
  // For an idle connection: whether it still works, without a round trip. The server says
  // goodbye (a FATAL message, then end of file) when it shuts down; whatever arrived is read.
  bool alive();
  void reset();
  // The server process serving this connection (pg_terminate_backend's argument).
  int backend_pid() const { return PQbackendPID(conn_); }
  PGconn* raw() const { return conn_; }

  // Throws the PgError for a failed result (or for the connection when result is null).
  [[noreturn]] void throw_error(const PGresult* result, std::string_view what) const;

 private:
  friend class Stmt;
  // Reads and drops the answer send_finishing or rollback left unread, if any.
  void drain() noexcept;
  // The next result of what was sent (null: no more). In a fiber (store/waiter.hpp) it steps
  // aside until the answer has arrived instead of blocking the thread in libpq.
  PGresult* next_result();
  // Every result of the query just sent, when sending worked: what PQexec would return (the
  // last result; after a failure, the failure), or null when sending failed.
  PGresult* finish(bool sent);
  // The deferred statements, taken out (sent now): the previous unit's COMMIT, BEGIN, the rest.
  std::vector<std::string> take_deferred();
  // Runs the deferred statements and then a prepared statement in one pipeline; returns the
  // statement's result (throws the first deferred statement's failure).
  PGresult* execute_after_deferred(const char* name, int count, const char* const* values,
                                   const int* lengths, const int* formats);
  PGconn* conn_ = nullptr;
  bool has_deferred() const {
    return !finishing_.empty() || !deferred_begin_.empty() || !deferred_.empty();
  }
  std::vector<std::string> finishing_;  // the previous unit's end, not sent yet (commit_later)
  std::string deferred_begin_;          // a BEGIN not sent yet (defer_begin)
  std::vector<std::string> deferred_;   // defer(): sent before the next statement
  bool unread_answer_ = false;          // send_finishing's or rollback's answer is still unread
  std::unordered_map<std::string, std::string> statement_names_;  // SQL text → "fN"
  LanePipeline* lane_ = nullptr;  // lent from a lane: no PGconn of its own
  int lane_statements_ = 0;       // statements prepared so far in that unit (at most one)
};

// Commits on commit(); rolls back when it goes out of scope uncommitted (an exception).
class Transaction {
 public:
  Transaction(Connection& conn, Isolation isolation = Isolation::read_committed);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  Connection& conn_;
  bool open_ = true;
};

}  // namespace frontline::store::postgres
