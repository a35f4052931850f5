// The frontline_rank FTS5 auxiliary function (see header).
#include "store/sqlite/search_rank.hpp"

#include "store/sqlite/connection.hpp"

namespace frontline::store::sqlite {
namespace {

// frontline_rank(ticket_search, w0, w1, ...): -(sum of the weights of the columns each matched
// phrase instance sits in); columns without a weight count 1.
void weighted_hits(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result,
                   int weight_count, sqlite3_value** weights) {
  int instances = 0;
  if (api->xInstCount(fts, &instances) != SQLITE_OK) {
    sqlite3_result_error(result, "frontline_rank: cannot read matches", -1);
    return;
  }
  double score = 0;
  for (int i = 0; i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    if (api->xInst(fts, i, &phrase, &column, &offset) != SQLITE_OK) break;
    score += column < weight_count ? sqlite3_value_double(weights[column]) : 1.0;
  }
  sqlite3_result_double(result, -score);
}

}  // namespace

void register_search_rank(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) {
    throw_sqlite_error(db, "fts5 is not available");
  }
  sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  if (!api ||
      api->xCreateFunction(api, "frontline_rank", nullptr, weighted_hits, nullptr) != SQLITE_OK) {
    throw_sqlite_error(db, "cannot register frontline_rank");
  }
}

}  // namespace frontline::store::sqlite
