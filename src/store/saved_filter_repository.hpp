// A person's saved searches. Promises: each person sees and deletes only their own; listed in
// the order they were saved.
#pragma once

#include <vector>

#include "core/model.hpp"

namespace frontline::store {

using core::Id;

class SavedFilterRepository {
 public:
  virtual ~SavedFilterRepository() = default;

  virtual std::vector<core::SavedFilter> list_saved_filters(Id user_id) = 0;
  virtual Id insert_saved_filter(const core::SavedFilter& filter) = 0;
  virtual bool delete_saved_filter(Id user_id, Id filter_id) = 0;  // only the owner's
};

}  // namespace frontline::store
