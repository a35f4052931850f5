// SQLite SavedFilterRepository: saved filters. Queries are named constants next to the code that
// runs them; every value is bound as a parameter.
#include "store/sqlite/repositories.hpp"

namespace frontline::store::sqlite {

using core::Id;

std::vector<core::SavedFilter> SqliteSavedFilters::list_saved_filters(Id user_id) {
  auto s = db_.prepare(
      "SELECT id, user_id, name, query FROM saved_filters WHERE user_id = ? ORDER BY id");
  s.bind(1, user_id);
  std::vector<core::SavedFilter> out;
  while (s.step()) out.push_back({s.int64(0), s.int64(1), s.text(2), s.text(3)});
  return out;
}

Id SqliteSavedFilters::insert_saved_filter(const core::SavedFilter& f) {
  db_.prepare("INSERT INTO saved_filters(user_id, name, query) VALUES(?, ?, ?)")
      .bind(1, f.user_id)
      .bind(2, f.name)
      .bind(3, f.query)
      .run();
  return db_.last_insert_rowid();
}

bool SqliteSavedFilters::delete_saved_filter(Id user_id, Id filter_id) {
  db_.prepare("DELETE FROM saved_filters WHERE id = ? AND user_id = ?")
      .bind(1, filter_id)
      .bind(2, user_id)
      .run();
  return db_.changes() > 0;
}

}  // namespace frontline::store::sqlite
