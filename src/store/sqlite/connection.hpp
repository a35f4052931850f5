// A SQLite connection with a cache of prepared statements, and a statement wrapper that binds
// and reads typed values. One thread at a time per connection. Every statement is prepared;
// values are always bound, never spliced into SQL text.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace frontline::store::sqlite {

// A prepared statement borrowed from a Connection's cache; reset on destruction.
class Stmt {
 public:
  explicit Stmt(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  Stmt& bind(int i, std::int64_t v);
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const std::optional<std::int64_t>& v);
  Stmt& bind_null(int i);

  // Steps once; true when a row is available. Throws StoreError on failure.
  bool step();
  // Steps to completion (for statements that return no rows).
  void run();

  std::int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
  std::optional<std::int64_t> opt_int64(int col) const;
  std::string text(int col) const;
  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  sqlite3_stmt* stmt_;
};

class Connection {
 public:
  // Opens path (creating it when create is set) and applies the pragmas every connection needs.
  Connection(const std::string& path, bool create);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // A cached prepared statement for sql (keyed by its text).
  Stmt prepare(std::string_view sql);
  // Runs SQL with no parameters (pragmas, BEGIN/COMMIT, migrations).
  void exec(const char* sql);
  std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  sqlite3* raw() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// Throws StoreError with SQLite's message for db.
[[noreturn]] void throw_sqlite_error(sqlite3* db, const char* what);

}  // namespace frontline::store::sqlite
