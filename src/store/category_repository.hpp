// Ticket categories. Promises: names are unique regardless of case (a clash throws StoreError
// conflict) and found ignoring case; listed by name ignoring case.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace frontline::store {

using core::Id;

class CategoryRepository {
 public:
  virtual ~CategoryRepository() = default;

  virtual std::vector<core::Category> list_categories() = 0;
  virtual std::optional<core::Category> category_by_name(std::string_view name) = 0;
  virtual Id insert_category(std::string_view name) = 0;
  // false when there was no such category; once deleted, its name is free again.
  virtual bool delete_category(Id id) = 0;
};

}  // namespace frontline::store
