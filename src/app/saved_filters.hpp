// Saved filters: a person's own named queries in the search language, listed beside the queues.
// Each person sees and removes only their own.
#pragma once

#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/model.hpp"
#include "core/result.hpp"

namespace frontline::app {

inline constexpr std::size_t kMaxSavedFilters = 50;  // per person

class SavedFilters {
 public:
  explicit SavedFilters(Context& ctx) : ctx_(ctx) {}

  core::Result<std::vector<core::SavedFilter>> list(const core::Actor& actor);
  // The query must parse in the search language.
  core::Result<core::SavedFilter> create(const core::Actor& actor, std::string_view name,
                                         std::string_view query);
  core::Done remove(const core::Actor& actor, core::Id id);

 private:
  Context& ctx_;
};

}  // namespace frontline::app
