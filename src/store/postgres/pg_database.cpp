// The PostgreSQL backend: a pool of connections, each read and write unit on one of them in its
// own transaction, on the caller's thread. PostgreSQL does its own group commit, so there is no
// writer thread: concurrent writers are serialised by SERIALIZABLE isolation instead, which gives
// every unit the same guarantee as SQLite's single writer (as if the units ran one at a time),
// and a unit that meets a serialization failure or deadlock is rolled back and run again (units
// are re-runnable by contract, store/database.hpp).
#include <poll.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <random>
#include <thread>
#include <utility>
#include <vector>

#include "store/postgres/connection.hpp"
#include "store/postgres/migrations.hpp"
#include "store/postgres/open_postgres.hpp"
#include "store/postgres/pg_tx.hpp"
#include "store/postgres/store_error_from_pg.hpp"

namespace frontline::store {
namespace {

using postgres::Connection;
using postgres::PgError;
using postgres::PgTx;

// Any fixed number: the advisory lock every instance takes to migrate, so one does it.
constexpr std::int64_t kMigrationLock = 0x46524f4e544c494eLL;  // "FRONTLIN"

// Holds the migration lock for its scope (released on the way out, also by an exception).
struct MigrationLock {
  explicit MigrationLock(Connection& conn) : conn(conn) {
    conn.prepare("SELECT pg_advisory_lock($1)").bind(1, kMigrationLock).run();
  }
  ~MigrationLock() {
    try {
      conn.prepare("SELECT pg_advisory_unlock($1)").bind(1, kMigrationLock).run();
    } catch (const PgError&) {  // the connection broke: the server released the lock with it
    }
  }
  Connection& conn;
};

void migrate(Connection& conn) {
  MigrationLock lock(conn);
  conn.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
  for (const auto& m : postgres::migrations()) {
    auto s = conn.prepare("SELECT 1 FROM schema_migrations WHERE version = $1");
    s.bind(1, std::int64_t{m.version});
    if (s.step()) continue;
    postgres::Transaction tx(conn);
    conn.exec(m.sql);
    conn.prepare(
            "INSERT INTO schema_migrations(version, name, applied_at) "
            "VALUES($1, $2, extract(epoch FROM now())::bigint)")
        .bind(1, std::int64_t{m.version})
        .bind(2, m.name)
        .run();
    tx.commit();
  }
}

constexpr int kConnectingAtOnce = 2;

std::minstd_rand& jitter() {
  thread_local std::minstd_rand engine(std::random_device{}());
  return engine;
}

class PgDatabase final : public Database {
 public:
  explicit PgDatabase(const PostgresOptions& options) : options_(options) {
    auto first = connect();
    try {
      migrate(*first);
    } catch (const PgError& e) {
      throw postgres::to_store_error(e);
    }
    open_ = 1;
    release(std::move(first));
  }

  void read(const std::function<void(Tx&)>& fn) override {
    Lease lease(*this);
    Connection& conn = *lease.conn;
    try {
      // BEGIN travels with the first statement; nobody waits for a read's COMMIT.
      conn.defer_begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      PgTx tx(conn, &identity_);
      fn(tx);
      conn.commit_without_waiting();
    } catch (const PgError& e) {
      conn.rollback();
      throw postgres::to_store_error(e);
    } catch (...) {
      conn.rollback();
      throw;
    }
  }

  void write(const std::function<bool(Tx&)>& fn) override {
    Lease lease(*this);
    Connection& conn = *lease.conn;
    for (int attempt = 1;; ++attempt) {
      try {
        conn.defer_begin("BEGIN ISOLATION LEVEL SERIALIZABLE");
        PgTx tx(conn, &identity_);
        if (fn(tx)) {
          conn.commit();
          if (tx.changed_identities()) identity_.forget_all();
        } else {
          conn.rollback();
        }
        return;
      } catch (const PgError& e) {
        conn.rollback();
        if (!e.retryable() || attempt >= options_.max_write_attempts) {
          throw postgres::to_store_error(e);
        }
        // Let the transaction that won finish before trying again: a little longer each time,
        // and not in step with the others that lost (under 64 concurrent creates the same
        // units collide again when they all retry after the same pause).
        std::this_thread::sleep_for(std::chrono::microseconds(
            std::uniform_int_distribution<int>(0, 1000 * std::min(attempt, 10))(jitter())));
      } catch (...) {
        conn.rollback();
        throw;
      }
    }
  }

  // The locks are taken on a connection of their own, outside the pool: a job holds its lock
  // while its units use pooled connections, and requests must not wait for those. Advisory locks
  // belong to a session, and a session may take the same one twice: this relies on each job
  // name running on one thread per process (one jobs::Scheduler each).
  bool run_exclusively(std::string_view name, const std::function<void()>& job) override {
    const std::string key = "frontline.job." + std::string(name);
    const Connection* held = nullptr;
    try {
      std::lock_guard lock(jobs_mu_);
      if (!jobs_conn_ || !jobs_conn_->alive()) jobs_conn_ = connect_raw();
      auto s = jobs_conn_->prepare("SELECT pg_try_advisory_lock(hashtextextended($1, 0))");
      s.bind(1, key);
      if (!s.step() || !s.boolean(0)) return false;  // another instance runs it now
      held = jobs_conn_.get();
    } catch (const PgError& e) {
      throw postgres::to_store_error(e);
    }
    // Released however the job ends; a connection that broke meanwhile released it with its
    // session (and has been replaced, or will be).
    struct Unlock {
      ~Unlock() {
        std::lock_guard lock(db.jobs_mu_);
        if (db.jobs_conn_.get() != held) return;
        try {
          auto s = db.jobs_conn_->prepare("SELECT pg_advisory_unlock(hashtextextended($1, 0))");
          s.bind(1, key);
          s.run();
        } catch (const PgError&) {
        }
      }
      PgDatabase& db;
      const Connection* held;
      const std::string& key;
    } unlock{*this, held, key};
    job();
    return true;
  }

  bool hears_other_writers() const override { return true; }

  // Also keeps the identity cache honest: it is used only while this listener hears
  // frontline_identity, and emptied by each notification there (identity_cache.hpp).
  bool wait_for_writes(std::chrono::milliseconds timeout) override {
    try {
      if (!listener_ || !listener_->ok()) {
        identity_.set_listening(false);
        listener_ = connect_raw();
        listener_->exec(
            "LISTEN frontline_events; LISTEN frontline_identity; LISTEN frontline_signals");
        identity_.set_listening(true);
        return true;  // anything may have happened while nobody listened
      }
      PGconn* conn = listener_->raw();
      pollfd fd{PQsocket(conn), POLLIN, 0};
      if (poll(&fd, 1, static_cast<int>(timeout.count())) <= 0) return false;
      if (!PQconsumeInput(conn)) {  // broken: reconnect on the next call
        identity_.set_listening(false);
        return true;
      }
      bool heard = false;
      while (PGnotify* n = PQnotifies(conn)) {
        const std::string_view channel(n->relname);
        if (channel == "frontline_identity") {
          identity_.forget_all();
        } else if (channel == "frontline_signals") {
          signals_.emplace_back(n->extra);
        } else {
          heard = true;
        }
        PQfreemem(n);
      }
      return heard;
    } catch (const PgError&) {
      identity_.set_listening(false);
      listener_.reset();
      std::this_thread::sleep_for(timeout);  // the server is away: do not spin
      return true;
    }
  }

  void signal(std::string_view payload) override {
    Lease lease(*this);
    try {
      auto s = lease.conn->prepare("SELECT pg_notify('frontline_signals', $1)");
      s.bind(1, payload);
      s.run();
    } catch (const PgError& e) {
      throw postgres::to_store_error(e);
    }
  }

  std::vector<std::string> take_signals() override { return std::exchange(signals_, {}); }

  void backup_to(const std::string&) override {
    throw StoreError(
        "a PostgreSQL database is backed up with pg_dump (see README: PostgreSQL), not by "
        "Frontline");
  }

 private:
  // A pooled connection for one unit, back in the pool when the unit ends however it ends.
  struct Lease {
    explicit Lease(PgDatabase& db) : db(db), conn(db.acquire()) {}
    ~Lease() { db.release(std::move(conn)); }
    PgDatabase& db;
    std::unique_ptr<Connection> conn;
  };

  std::unique_ptr<Connection> connect_raw() { return std::make_unique<Connection>(options_.url); }

  std::unique_ptr<Connection> connect() {
    try {
      return connect_raw();
    } catch (const PgError& e) {
      throw postgres::to_store_error(e);
    }
  }

  // An idle connection, a new one while the pool has room, else the next one released. A
  // pooled connection that died while idle (the server restarted) is replaced by a new one, so
  // the first unit after an outage does not fail on it; a server still away throws
  // (unavailable: 503 with Retry-After). At most kConnectingAtOnce connect at a time: under a
  // burst at start, 64 at once made the server fork 64 backends together and some waited past
  // the connect timeout (503s in the benchmark); the others wait for a connection instead.
  std::unique_ptr<Connection> acquire() {
    std::unique_ptr<Connection> conn;
    for (;;) {
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] {
          return !idle_.empty() ||
                 (open_ < options_.max_connections && connecting_ < kConnectingAtOnce);
        });
        if (idle_.empty()) {
          ++open_;
          ++connecting_;
          break;
        }
        conn = std::move(idle_.back());
        idle_.pop_back();
      }
      if (conn->alive()) return conn;  // outside the lock: it may read a COMMIT's answer
      conn.reset();
      std::lock_guard lock(mu_);
      --open_;
      cv_.notify_all();
    }
    try {
      conn = connect();
    } catch (...) {
      std::lock_guard lock(mu_);
      --open_;
      --connecting_;
      cv_.notify_all();
      throw;
    }
    std::lock_guard lock(mu_);
    --connecting_;
    cv_.notify_all();
    return conn;
  }

  // A broken connection is dropped (the next acquire connects afresh: the server may be back).
  void release(std::unique_ptr<Connection> conn) {
    std::lock_guard lock(mu_);
    if (conn && conn->ok()) {
      idle_.push_back(std::move(conn));
    } else {
      --open_;
    }
    cv_.notify_one();
  }

  PostgresOptions options_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;                           // connections in use, idle or being made
  int connecting_ = 0;                     // connections being made (or replaced) now
  std::unique_ptr<Connection> listener_;   // LISTEN frontline_events (wait_for_writes' thread)
  std::mutex jobs_mu_;                     // guards jobs_conn_
  std::unique_ptr<Connection> jobs_conn_;  // holds the jobs' advisory locks (run_exclusively)
  postgres::IdentityCache identity_;       // who tokens and sessions belong to
  std::vector<std::string> signals_;       // heard on frontline_signals (listener thread)
};

}  // namespace

std::unique_ptr<Database> open_postgres(const PostgresOptions& options) {
  return std::make_unique<PgDatabase>(options);
}

}  // namespace frontline::store
