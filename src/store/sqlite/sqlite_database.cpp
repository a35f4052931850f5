// The embedded SQLite backend: one writer connection on its own thread committing batches of
// waiting write units per fsync (group commit), and reader connections (one per concurrent reader,
// kept for reuse) used on the caller's thread. WAL lets readers run while the writer commits.
#include <sqlite3.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include "store/sqlite/connection.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/open_sqlite.hpp"
#include "store/sqlite/sqlite_tx.hpp"

namespace frontline::store {
namespace {

using sqlite::Connection;
using sqlite::SqliteTx;

void migrate(Connection& conn) {
  conn.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
  for (const auto& m : sqlite::migrations()) {
    auto s = conn.prepare("SELECT 1 FROM schema_migrations WHERE version = ?");
    s.bind(1, std::int64_t{m.version});
    if (s.step()) continue;
    conn.exec("BEGIN IMMEDIATE");
    try {
      conn.exec(std::string(m.sql).c_str());
      conn.prepare(
              "INSERT INTO schema_migrations(version, name, applied_at) "
              "VALUES(?, ?, unixepoch())")
          .bind(1, std::int64_t{m.version})
          .bind(2, m.name)
          .run();
      conn.exec("COMMIT");
    } catch (...) {
      conn.exec("ROLLBACK");
      throw;
    }
  }
}

// How many times a batch is tried when the database is busy (each try waits up to the busy
// timeout).
constexpr int kMaxBatchAttempts = 3;

// One queued write: the caller blocks on `done` until the batch holding it has committed.
struct WriteUnit {
  const std::function<bool(Tx&)>* fn;
  std::exception_ptr error;
  bool done = false;
};

// Why an aborted batch failed: the kind of the first store error a unit met (a full disk makes
// SQLite roll the whole transaction back, and every unit in it must say so).
StoreError::Kind first_error_kind(const std::vector<WriteUnit*>& batch) {
  for (const auto* unit : batch) {
    if (!unit->error) continue;
    try {
      std::rethrow_exception(unit->error);
    } catch (const StoreError& e) {
      return e.kind();
    } catch (...) {
    }
  }
  return StoreError::Kind::unavailable;
}

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(const DatabaseOptions& options)
      : options_(options), writer_conn_(options.path, /*create=*/true) {
    migrate(writer_conn_);
    writer_ = std::thread([this] { writer_loop(); });
  }

  ~SqliteDatabase() override {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    queue_cv_.notify_all();
    writer_.join();
    for (auto* c : idle_readers_) delete c;
  }

  void read(const std::function<void(Tx&)>& fn) override {
    Connection* conn = acquire_reader();
    try {
      conn->exec("BEGIN");
      SqliteTx tx(*conn);
      fn(tx);
      conn->exec("COMMIT");
    } catch (...) {
      sqlite3_exec(conn->raw(), "ROLLBACK", nullptr, nullptr, nullptr);
      release_reader(conn);
      throw;
    }
    release_reader(conn);
  }

  void write(const std::function<bool(Tx&)>& fn) override {
    WriteUnit unit{&fn, nullptr, false};
    std::unique_lock lock(mu_);
    if (stopping_) throw StoreError("database is shutting down");
    queue_.push_back(&unit);
    queue_cv_.notify_one();
    done_cv_.wait(lock, [&] { return unit.done; });
    if (unit.error) std::rethrow_exception(unit.error);
  }

  void backup_to(const std::string& path) override {
    Connection* conn = acquire_reader();
    sqlite3* dest = nullptr;
    int rc = sqlite3_open(path.c_str(), &dest);
    if (rc == SQLITE_OK) {
      sqlite3_backup* b = sqlite3_backup_init(dest, "main", conn->raw(), "main");
      if (b) {
        // Copy in steps so the writer is never blocked for the whole copy.
        while ((rc = sqlite3_backup_step(b, 1024)) == SQLITE_OK || rc == SQLITE_BUSY ||
               rc == SQLITE_LOCKED) {
        }
        sqlite3_backup_finish(b);
      }
      rc = sqlite3_errcode(dest);
    }
    std::string msg = dest ? sqlite3_errmsg(dest) : "out of memory";
    sqlite3_close(dest);
    release_reader(conn);
    if (rc != SQLITE_OK && rc != SQLITE_DONE) throw StoreError("backup failed: " + msg);
  }

 private:
  Connection* acquire_reader() {
    {
      std::lock_guard lock(reader_mu_);
      if (!idle_readers_.empty()) {
        Connection* c = idle_readers_.back();
        idle_readers_.pop_back();
        return c;
      }
    }
    auto* conn = new Connection(options_.path, /*create=*/false);
    conn->exec("PRAGMA query_only = ON");
    return conn;
  }

  void release_reader(Connection* conn) {
    std::lock_guard lock(reader_mu_);
    idle_readers_.push_back(conn);
  }

  void writer_loop() {
    std::vector<WriteUnit*> batch;
    for (;;) {
      {
        std::unique_lock lock(mu_);
        queue_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (queue_.empty() && stopping_) return;
        while (!queue_.empty() && static_cast<int>(batch.size()) < options_.max_batch) {
          batch.push_back(queue_.front());
          queue_.pop_front();
        }
      }
      // A batch that could not start or commit because another process held the database
      // (past the busy timeout) is run again from the start: units are re-runnable.
      for (int attempt = 1; !commit_batch(batch, attempt < kMaxBatchAttempts); ++attempt) {
        for (auto* unit : batch) unit->error = nullptr;
      }
      {
        std::lock_guard lock(mu_);
        for (auto* unit : batch) unit->done = true;
      }
      done_cv_.notify_all();
      batch.clear();
    }
  }

  // Runs each unit inside its own savepoint, so one unit's failure or rollback leaves the
  // others in the batch intact, then commits them all with one fsync. Returns false, with
  // nothing committed, when the batch met a busy database and may_retry is set.
  bool commit_batch(std::vector<WriteUnit*>& batch, bool may_retry) {
    try {
      writer_conn_.exec("BEGIN IMMEDIATE");
    } catch (const StoreError& e) {
      if (may_retry && e.retryable()) return false;
      for (auto* unit : batch) unit->error = std::current_exception();
      return true;
    }
    SqliteTx tx(writer_conn_);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      auto* unit = batch[i];
      // SQLite ends the transaction itself on some errors (disk full, I/O): the units after
      // that point must not run outside it, and none of the batch is committed.
      if (sqlite3_get_autocommit(writer_conn_.raw())) {
        auto error = std::make_exception_ptr(
            StoreError("write transaction aborted by the database", first_error_kind(batch)));
        for (auto* u : batch) {
          if (!u->error) u->error = error;
        }
        return true;
      }
      try {
        writer_conn_.exec("SAVEPOINT unit");
        bool keep = false;
        try {
          keep = (*unit->fn)(tx);
        } catch (...) {
          unit->error = std::current_exception();
        }
        if (!keep) writer_conn_.exec("ROLLBACK TO unit");
        writer_conn_.exec("RELEASE unit");
      } catch (...) {
        if (!unit->error) unit->error = std::current_exception();
      }
    }
    try {
      writer_conn_.exec("COMMIT");
    } catch (const StoreError& e) {
      auto error = std::current_exception();
      sqlite3_exec(writer_conn_.raw(), "ROLLBACK", nullptr, nullptr, nullptr);
      if (may_retry && e.retryable()) return false;
      for (auto* unit : batch) unit->error = error;
    } catch (...) {
      auto error = std::current_exception();
      sqlite3_exec(writer_conn_.raw(), "ROLLBACK", nullptr, nullptr, nullptr);
      for (auto* unit : batch) unit->error = error;
    }
    return true;
  }

  DatabaseOptions options_;
  Connection writer_conn_;
  std::mutex mu_;
  std::condition_variable queue_cv_;
  std::condition_variable done_cv_;
  std::deque<WriteUnit*> queue_;
  bool stopping_ = false;
  std::thread writer_;
  std::mutex reader_mu_;
  std::vector<Connection*> idle_readers_;
};

}  // namespace

std::unique_ptr<Database> open_sqlite(const DatabaseOptions& options) {
  // Memory statistics take a process-wide mutex on every allocation; reader threads contend
  // on it. Must be set before SQLite initialises, hence once, here.
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  std::filesystem::path p(options.path);
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
  return std::make_unique<SqliteDatabase>(options);
}

}  // namespace frontline::store
