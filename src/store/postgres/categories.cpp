// PostgreSQL CategoryRepository: categories. Queries are named constants next to the code that
// runs them; every value is bound as a parameter.
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

// name is citext: ORDER BY and = ignore case as SQLite's COLLATE NOCASE did.
std::vector<core::Category> PgCategories::list_categories() {
  auto s = db_.prepare("SELECT id, name FROM categories ORDER BY name");
  std::vector<core::Category> out;
  while (s.step()) out.push_back({s.int64(0), s.text(1)});
  return out;
}

std::optional<core::Category> PgCategories::category_by_name(std::string_view name) {
  auto s = db_.prepare("SELECT id, name FROM categories WHERE name = $1");
  s.bind(1, name);
  if (!s.step()) return std::nullopt;
  return core::Category{s.int64(0), s.text(1)};
}

Id PgCategories::insert_category(std::string_view name) {
  auto s = db_.prepare("INSERT INTO categories(name) VALUES($1) RETURNING id");
  s.bind(1, name);
  s.step();
  return s.int64(0);
}

bool PgCategories::delete_category(Id id) {
  return db_.prepare("DELETE FROM categories WHERE id = $1").bind(1, id).changes() > 0;
}

}  // namespace frontline::store::postgres
