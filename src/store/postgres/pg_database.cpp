// The PostgreSQL backend: a pool of connections, each read and write unit on one of them in its
// own transaction, on the caller's thread. PostgreSQL does its own group commit, so there is no
// writer thread: concurrent writers are serialised by SERIALIZABLE isolation instead, which gives
// every unit the same guarantee as SQLite's single writer (as if the units ran one at a time),
// and a unit that meets a serialization failure or deadlock is rolled back and run again (units
// are re-runnable by contract, store/database.hpp).
#include <poll.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/postgres/connection.hpp"
#include "store/postgres/lane_pipeline.hpp"
#include "store/postgres/migrations.hpp"
#include "store/postgres/open_postgres.hpp"
#include "store/postgres/pg_tx.hpp"
#include "store/postgres/store_error_from_pg.hpp"
#include "store/waiter.hpp"

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
// Statements in flight on one lane at most. Each answer waits in the socket's buffers until its
// fiber's turn to read, and a ticket's page is a few kilobytes: 32 stay well inside them.
constexpr std::size_t kLaneDepth = 32;

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

  // Both units roll back outside their catch blocks: in a fiber a rollback may step aside, and a
  // fiber must not step aside while it handles an exception (another fiber on the thread would
  // throw and catch on the same per-thread list of exceptions being handled).
  void read(const std::function<void(Tx&)>& fn) override {
    Lease lease(*this);
    Connection& conn = *lease.conn;
    std::exception_ptr failed;
    try {
      // BEGIN travels with the first statement, and COMMIT with the next unit's (or is sent
      // when the connection goes idle); nobody waits for a read's COMMIT.
      conn.defer_begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      PgTx tx(conn, &identity_);
      fn(tx);
      conn.commit_later();
      return;
    } catch (...) {
      failed = std::current_exception();
    }
    conn.rollback();
    postgres::rethrow_for_store(failed);
  }

  // In a fiber, the first statement goes to this thread's lane (lane_pipeline.hpp), by itself; a
  // unit that needs more, a lane that is full or away, or a caller on a thread of its own reads
  // the ordinary way. The unit then runs again from the start (read units are re-runnable here).
  void read_brief(const std::function<void(Tx&)>& fn) override {
    if (auto lane = store::current_waiter() ? lane_of_this_thread() : nullptr) {
      std::exception_ptr failed;
      try {
        Connection lent(*lane);
        PgTx tx(lent, &identity_);
        fn(tx);
        return;
      } catch (const postgres::NeedsTransaction&) {
      } catch (const PgError& e) {
        // A lane lost on the way is replaced, and the pool may still reach the server; so may a
        // statement whose prepare, sent by another fiber, failed (26000). Any other failure is
        // the statement's own: it would fail on the pool too.
        if (lane->usable() && e.sqlstate() != "26000") failed = std::current_exception();
      } catch (...) {
        failed = std::current_exception();
      }
      if (failed) postgres::rethrow_for_store(failed);
    }
    read(fn);
  }

  void write(const std::function<bool(Tx&)>& fn) override {
    Lease lease(*this);
    Connection& conn = *lease.conn;
    for (int attempt = 1;; ++attempt) {
      std::exception_ptr failed;
      bool retry = false;
      try {
        conn.defer_begin("BEGIN ISOLATION LEVEL SERIALIZABLE");
        PgTx tx(conn, &identity_);
        if (fn(tx)) {
          conn.commit();
          if (tx.changed_identities()) identity_.forget_all();
          return;
        }
      } catch (const PgError& e) {
        failed = std::current_exception();
        retry = e.retryable() && attempt < options_.max_write_attempts;
      } catch (...) {
        failed = std::current_exception();
      }
      conn.rollback();
      if (!retry) {
        if (failed) postgres::rethrow_for_store(failed);
        return;  // fn chose to roll back
      }
      // Let the transaction that won finish before trying again: a little longer each time,
      // and not in step with the others that lost (under 64 concurrent creates the same
      // units collide again when they all retry after the same pause).
      store::sleep_for(std::chrono::microseconds(
          std::uniform_int_distribution<int>(0, 1000 * std::min(attempt, 10))(jitter())));
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

  // This thread's lane, connected on first use and again after it broke; null while it connects
  // (outside the lock: a fiber may step aside there), after it could not (tried again a second
  // later), or while it has kLaneDepth statements in flight (more would only queue behind them;
  // the pool serves those).
  std::shared_ptr<postgres::LanePipeline> lane_of_this_thread() {
    std::unique_lock lock(lanes_mu_);
    Lane& lane = lanes_[std::this_thread::get_id()];
    if (lane.pipeline && lane.pipeline->alive()) {
      if (lane.pipeline->in_flight() >= kLaneDepth) return nullptr;
      return lane.pipeline;
    }
    if (lane.connecting || std::chrono::steady_clock::now() < lane.retry_after) return nullptr;
    lane.connecting = true;
    lock.unlock();
    std::shared_ptr<postgres::LanePipeline> made;
    try {
      made = std::make_shared<postgres::LanePipeline>(options_.url);
    } catch (...) {  // the pool serves meanwhile (and says 503 if the server is away)
    }
    lock.lock();
    lane.connecting = false;
    lane.pipeline = made;
    // A second after the attempt ended: one that timed out blocked this thread for the connect
    // timeout, and must not be repeated at once.
    if (!made) lane.retry_after = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    return made;
  }

  std::unique_ptr<Connection> connect_raw() { return std::make_unique<Connection>(options_.url); }

  std::unique_ptr<Connection> connect() {
    try {
      return connect_raw();
    } catch (const PgError& e) {
      throw postgres::to_store_error(e);
    }
  }

  // An idle connection, a new one while the pool has room, else the next one released (handed
  // over directly, its last unit's COMMIT still to be sent with this unit's first statement). A
  // pooled connection that died while idle (the server restarted) is replaced by a new one, so
  // the first unit after an outage does not fail on it; a server still away throws
  // (unavailable: 503 with Retry-After). At most kConnectingAtOnce connect at a time: under a
  // burst at start, 64 at once made the server fork 64 backends together and some waited past
  // the connect timeout (503s in the benchmark); the others wait for a connection instead.
  std::unique_ptr<Connection> acquire() {
    for (;;) {
      std::unique_ptr<Connection> conn;
      {
        std::unique_lock lock(mu_);
        if (!idle_.empty()) {
          conn = std::move(idle_.back());
          idle_.pop_back();
        } else if (room_to_connect_locked()) {
          ++open_;
          ++connecting_;
          break;
        } else {
          conn = wait_for_release(lock);
          if (conn) return conn;  // in use until now: alive
          continue;               // room to connect, perhaps
        }
      }
      if (conn->alive()) return conn;  // outside the lock: it may read a COMMIT's answer
      conn.reset();
      std::lock_guard lock(mu_);
      --open_;
      wake_one_locked(nullptr);
    }
    std::unique_ptr<Connection> conn;
    try {
      conn = connect();
    } catch (...) {
      std::lock_guard lock(mu_);
      --open_;
      --connecting_;
      wake_one_locked(nullptr);
      throw;
    }
    std::lock_guard lock(mu_);
    --connecting_;
    wake_one_locked(nullptr);
    return conn;
  }

  // A connection goes to the unit waiting longest, else idle (its unit's COMMIT sent first). A
  // broken one is dropped, and a waiting unit may connect afresh (the server may be back).
  void release(std::unique_ptr<Connection> conn) {
    std::unique_lock lock(mu_);
    if (!conn || !conn->ok()) {
      --open_;
      wake_one_locked(nullptr);
      return;
    }
    if (!waiting_.empty()) {
      wake_one_locked(std::move(conn));
      return;
    }
    lock.unlock();
    conn->send_finishing();
    lock.lock();
    if (waiting_.empty()) {
      idle_.push_back(std::move(conn));
    } else {
      wake_one_locked(std::move(conn));
    }
  }

  // A unit waiting for a connection: handed one, or woken with none when it may connect.
  struct Waiting {
    std::unique_ptr<Connection> conn;
    bool woken = false;
    std::function<void()> wake;
  };

  // Waits until woken: a thread blocks; a fiber steps aside (store/waiter.hpp).
  std::unique_ptr<Connection> wait_for_release(std::unique_lock<std::mutex>& lock) {
    Waiting me;
    auto* waiter = store::current_waiter();
    if (!waiter) {
      me.wake = [this] { cv_.notify_all(); };
      waiting_.push_back(&me);
      cv_.wait(lock, [&] { return me.woken; });
      return std::move(me.conn);
    }
    lock.unlock();
    waiter->wait_until_woken([&](std::function<void()> wake) {
      std::lock_guard guard(mu_);
      if (!idle_.empty() || room_to_connect_locked()) {
        wake();  // released meanwhile: look again
        return;
      }
      me.wake = std::move(wake);
      waiting_.push_back(&me);
    });
    lock.lock();
    return std::move(me.conn);
  }

  bool room_to_connect_locked() const {
    return open_ < options_.max_connections && connecting_ < kConnectingAtOnce;
  }

  void wake_one_locked(std::unique_ptr<Connection> conn) {
    if (waiting_.empty()) {
      if (conn) idle_.push_back(std::move(conn));
      return;
    }
    Waiting* next = waiting_.front();
    waiting_.pop_front();
    next->conn = std::move(conn);
    next->woken = true;
    next->wake();
  }

  PostgresOptions options_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Waiting*> waiting_;  // units waiting for a connection, longest first
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;                           // connections in use, idle or being made
  int connecting_ = 0;                     // connections being made (or replaced) now
  std::unique_ptr<Connection> listener_;   // LISTEN frontline_events (wait_for_writes' thread)
  std::mutex jobs_mu_;                     // guards jobs_conn_
  std::unique_ptr<Connection> jobs_conn_;  // holds the jobs' advisory locks (run_exclusively)
  postgres::IdentityCache identity_;       // who tokens and sessions belong to
  struct Lane {
    std::shared_ptr<postgres::LanePipeline> pipeline;  // held by each unit using it, too
    std::chrono::steady_clock::time_point retry_after;
    bool connecting = false;
  };
  std::mutex lanes_mu_;                              // guards lanes_
  std::unordered_map<std::thread::id, Lane> lanes_;  // one per network thread
  std::vector<std::string> signals_;                 // heard on frontline_signals (listener thread)
};

}  // namespace

std::unique_ptr<Database> open_postgres(const PostgresOptions& options) {
  return std::make_unique<PgDatabase>(options);
}

}  // namespace frontline::store
