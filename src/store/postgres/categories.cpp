// PostgreSQL CategoryRepository: not written yet — every call throws (see issue 14).
#include "store/postgres/not_yet.hpp"
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

std::vector<core::Category> PgCategories::list_categories() { throw not_yet("list_categories"); }

std::optional<core::Category> PgCategories::category_by_name(std::string_view name) {
  throw not_yet("category_by_name");
}

Id PgCategories::insert_category(std::string_view name) { throw not_yet("insert_category"); }

bool PgCategories::delete_category(Id id) { throw not_yet("delete_category"); }

}  // namespace frontline::store::postgres
