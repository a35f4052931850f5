// SQLite connection and statement helpers (see header).
#include "store/sqlite/connection.hpp"

#include <cerrno>
#include <string>
#include <string_view>

#include "store/sqlite/search_rank.hpp"
#include "store/tx.hpp"

namespace frontline::store::sqlite {

namespace {

// The kind of a failure, from SQLite's extended result code. SQLite says SQLITE_FULL when a
// write finds no space; an I/O error whose errno is ENOSPC or EDQUOT (fsync, truncate) is the
// same condition. Busy and locked pass once the other connection lets go: worth a retry.
StoreError::Kind error_kind(sqlite3* db, int rc) {
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return StoreError::Kind::conflict;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return StoreError::Kind::not_found;
    default:
      break;
  }
  switch (rc & 0xff) {
    case SQLITE_FULL:
      return StoreError::Kind::disk_full;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return StoreError::Kind::busy;
    case SQLITE_IOERR: {
      const int err = db ? sqlite3_system_errno(db) : 0;
      if (err == ENOSPC || err == EDQUOT) return StoreError::Kind::disk_full;
      break;
    }
    default:
      break;
  }
  return StoreError::Kind::unavailable;
}

// The column a unique constraint names ("UNIQUE constraint failed: users.email" → "email"; the
// first of several).
std::string conflicting_column(std::string_view message) {
  constexpr std::string_view kPrefix = "constraint failed: ";
  auto at = message.find(kPrefix);
  if (at == std::string_view::npos) return {};
  auto column = message.substr(at + kPrefix.size());
  column = column.substr(0, column.find(','));
  if (auto dot = column.find('.'); dot != std::string_view::npos) column = column.substr(dot + 1);
  return std::string(column);
}

[[noreturn]] void throw_with_code(sqlite3* db, int rc, std::string what, std::string_view detail) {
  const auto kind = error_kind(db, rc);
  throw StoreError(what + ": " + std::string(detail), kind,
                   kind == StoreError::Kind::conflict ? conflicting_column(detail) : "");
}

}  // namespace

void throw_sqlite_error(sqlite3* db, const char* what) {
  const int rc = db ? sqlite3_extended_errcode(db) : SQLITE_NOMEM;
  throw_with_code(db, rc, what, db ? sqlite3_errmsg(db) : "out of memory");
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
    throw_with_code(db_, sqlite3_extended_errcode(db_), "exec failed", msg);
  }
}

}  // namespace frontline::store::sqlite
