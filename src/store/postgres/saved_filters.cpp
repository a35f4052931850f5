// PostgreSQL SavedFilterRepository: saved filters. Queries are named constants next to the code
// that runs them; every value is bound as a parameter.
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

std::vector<core::SavedFilter> PgSavedFilters::list_saved_filters(Id user_id) {
  auto s = db_.prepare(
      "SELECT id, user_id, name, query FROM saved_filters WHERE user_id = $1 ORDER BY id");
  s.bind(1, user_id);
  std::vector<core::SavedFilter> out;
  while (s.step()) out.push_back({s.int64(0), s.int64(1), s.text(2), s.text(3)});
  return out;
}

Id PgSavedFilters::insert_saved_filter(const core::SavedFilter& f) {
  auto s = db_.prepare(
      "INSERT INTO saved_filters(user_id, name, query) VALUES($1, $2, $3) RETURNING id");
  s.bind(1, f.user_id).bind(2, f.name).bind(3, f.query);
  s.step();
  return s.int64(0);
}

bool PgSavedFilters::delete_saved_filter(Id user_id, Id filter_id) {
  return db_.prepare("DELETE FROM saved_filters WHERE id = $1 AND user_id = $2")
             .bind(1, filter_id)
             .bind(2, user_id)
             .changes() > 0;
}

}  // namespace frontline::store::postgres
