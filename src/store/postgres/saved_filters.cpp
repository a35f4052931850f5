// PostgreSQL SavedFilterRepository: not written yet — every call throws (see issue 14).
#include "store/postgres/not_yet.hpp"
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

std::vector<core::SavedFilter> PgSavedFilters::list_saved_filters(Id user_id) {
  throw not_yet("list_saved_filters");
}

Id PgSavedFilters::insert_saved_filter(const core::SavedFilter& filter) {
  throw not_yet("insert_saved_filter");
}

bool PgSavedFilters::delete_saved_filter(Id user_id, Id filter_id) {
  throw not_yet("delete_saved_filter");
}

}  // namespace frontline::store::postgres
