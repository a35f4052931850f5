// SQLite connection and statement helpers (see header).
#include "store/sqlite/connection.hpp"

#include <cerrno>
#include <string>

#include "store/sqlite/search_rank.hpp"
#include "store/tx.hpp"

namespace frontline::store::sqlite {

namespace {

// SQLite says SQLITE_FULL when a write finds no space; an I/O error whose errno is ENOSPC or
// EDQUOT (fsync, truncate) is the same condition.
StoreError::Kind error_kind(sqlite3* db, int rc) {
  if ((rc & 0xff) == SQLITE_FULL) return StoreError::Kind::disk_full;
  if (db && (rc & 0xff) == SQLITE_IOERR) {
    const int err = sqlite3_system_errno(db);
    if (err == ENOSPC || err == EDQUOT) return StoreError::Kind::disk_full;
  }
  return StoreError::Kind::unavailable;
}

}  // namespace

void throw_sqlite_error(sqlite3* db, const char* what) {
  const int rc = db ? sqlite3_extended_errcode(db) : SQLITE_NOMEM;
  throw StoreError(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"),
                   error_kind(db, rc));
}

Stmt& Stmt::bind(int i, std::int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}

Stmt& Stmt::bind(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::bind(int i, const std::optional<std::int64_t>& v) {
  return v ? bind(i, *v) : bind_null(i);
}

Stmt& Stmt::bind_null(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

bool Stmt::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw_sqlite_error(sqlite3_db_handle(stmt_), "step");
}

void Stmt::run() {
  while (step()) {
  }
}

std::optional<std::int64_t> Stmt::opt_int64(int col) const {
  if (is_null(col)) return std::nullopt;
  return int64(col);
}

std::string Stmt::text(int col) const {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  if (!p) return {};
  return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
}

Connection::Connection(const std::string& path, bool create) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("cannot open database " + path + ": " + msg);
  }
  sqlite3_busy_timeout(db_, 5000);
  exec("PRAGMA foreign_keys = ON");
  exec("PRAGMA journal_mode = WAL");
  // FULL: a commit is on disk before we acknowledge it (survives kill -9 and power loss).
  exec("PRAGMA synchronous = FULL");
  // Per connection; the OS page cache holds the rest. No mmap: every reader connection would
  // map the file again, and the pages each touches count in the server's RSS (300 MB under
  // the GET bench with 128 MB maps, 30-45 MB without, at the same throughput).
  exec("PRAGMA cache_size = -8192");
  exec("PRAGMA temp_store = MEMORY");
  register_search_rank(db_);
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Stmt Connection::prepare(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it != cache_.end()) return Stmt(it->second);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt, nullptr) != SQLITE_OK) {
    throw_sqlite_error(db_, "prepare");
  }
  cache_.emplace(std::string(sql), stmt);
  return Stmt(stmt);
}

void Connection::exec(const char* sql) {
  char* err = nullptr;
  if (int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err); rc != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw StoreError(std::string("exec failed: ") + msg,
                     error_kind(db_, sqlite3_extended_errcode(db_)));
  }
}

}  // namespace frontline::store::sqlite
