// SQLite CategoryRepository: categories. Queries are named constants next to the code that runs
// them; every value is bound as a parameter.
#include "store/sqlite/repositories.hpp"

namespace frontline::store::sqlite {

using core::Id;

std::vector<core::Category> SqliteCategories::list_categories() {
  auto s = db_.prepare("SELECT id, name FROM categories ORDER BY name COLLATE NOCASE");
  std::vector<core::Category> out;
  while (s.step()) out.push_back({s.int64(0), s.text(1)});
  return out;
}

std::optional<core::Category> SqliteCategories::category_by_name(std::string_view name) {
  auto s = db_.prepare("SELECT id, name FROM categories WHERE name = ? COLLATE NOCASE");
  s.bind(1, name);
  if (!s.step()) return std::nullopt;
  return core::Category{s.int64(0), s.text(1)};
}

Id SqliteCategories::insert_category(std::string_view name) {
  db_.prepare("INSERT INTO categories(name) VALUES(?)").bind(1, name).run();
  return db_.last_insert_rowid();
}

bool SqliteCategories::delete_category(Id id) {
  db_.prepare("DELETE FROM categories WHERE id = ?").bind(1, id).run();
  return db_.changes() > 0;
}

}  // namespace frontline::store::sqlite
