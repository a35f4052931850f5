// frontline_rank(): an FTS5 ranking function registered on every connection. It scores a
// ticket by its own hits only — the sum of the column weights of every matched phrase
// instance — and, unlike bm25(), needs no index-wide statistics, which cost a full pass over
// each term's document list per query (tens of milliseconds for common words in a million
// tickets). Lower is better, as with bm25().
#pragma once

#include <sqlite3.h>

namespace frontline::store::sqlite {

// Registers frontline_rank on db; throws StoreError when FTS5 is missing.
void register_search_rank(sqlite3* db);

}  // namespace frontline::store::sqlite
