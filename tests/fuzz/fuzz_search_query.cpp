// libFuzzer target for the search box, parser and SQLite compiler together: arbitrary bytes must
// never crash parse_search_query or the FTS5 compiler, a parsed query with text must compile to a
// MATCH expression (and one without text to none), and FTS5 itself must accept every expression
// on a table shaped like ticket_search — no typed text may become an FTS5 syntax error.
#include <sqlite3.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/search_query.hpp"
#include "store/sqlite/fts5_query.hpp"

namespace {

// A prepared MATCH over an in-memory copy of ticket_search's columns and tokenizer, with one row
// so every expression is evaluated, not just parsed.
sqlite3_stmt* match_statement() {
  static sqlite3_stmt* stmt = [] {
    sqlite3* db = nullptr;
    sqlite3_stmt* s = nullptr;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
        sqlite3_exec(
            db,
            "CREATE VIRTUAL TABLE ticket_search USING fts5(subject, public_text, "
            "internal_text, requester, facets, tokenize = 'unicode61 remove_diacritics 2');"
            "INSERT INTO ticket_search VALUES('printer jam', 'paper stuck', 'call vendor', "
            "'Ann ann@example.com', 'zzstatusopen');",
            nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT count(*) FROM ticket_search WHERE ticket_search MATCH ?", -1,
                           &s, nullptr) != SQLITE_OK) {
      __builtin_trap();
    }
    return s;
  }();
  return stmt;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace frontline;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto query = core::parse_search_query(text);
  if (!query.ok()) {
    if (query.error().code != core::Errc::bad_input) __builtin_trap();
    return 0;
  }
  std::vector<core::Status> statuses;
  for (const auto& s : query->statuses) {
    const auto status = core::parse_status(s);
    if (!status) __builtin_trap();  // the parser accepts known statuses only
    statuses.push_back(*status);
  }
  const bool staff = size % 2 == 0;
  const auto match = store::sqlite::fts5_ticket_match(query->text, staff, statuses);
  if (match.has_value() == query->text.empty()) __builtin_trap();
  if (!match) return 0;
  // Every FTS5 string is opened and closed, and inner quotes are doubled: the count is even.
  if (std::count(match->begin(), match->end(), '"') % 2 != 0) __builtin_trap();
  sqlite3_stmt* stmt = match_statement();
  sqlite3_reset(stmt);
  sqlite3_bind_text(stmt, 1, match->data(), static_cast<int>(match->size()), SQLITE_TRANSIENT);
  if (sqlite3_step(stmt) != SQLITE_ROW) __builtin_trap();  // FTS5 rejected the expression
  return 0;
}
