// Saved filters (see header).
#include "app/saved_filters.hpp"

#include "app/validation.hpp"
#include "core/search_query.hpp"

namespace frontline::app {

using core::Errc;
using core::make_error;
using core::Result;

Result<std::vector<core::SavedFilter>> SavedFilters::list(const core::Actor& actor) {
  return in_read<std::vector<core::SavedFilter>>(ctx_.db, [&](store::Tx& tx) {
    return Result<std::vector<core::SavedFilter>>(tx.saved_filters().list_saved_filters(actor.id));
  });
}

Result<core::SavedFilter> SavedFilters::create(const core::Actor& actor, std::string_view raw_name,
                                               std::string_view raw_query) {
  auto name = checked_name("name", raw_name, 100);
  if (!name) return name.take_error();
  auto query = checked_name("query", raw_query, 1000);
  if (!query) return query.take_error();
  if (auto parsed = core::parse_search_query(*query); !parsed) {
    return core::invalid_field("query", parsed.error().message);
  }
  return in_write<core::SavedFilter>(ctx_.db, [&](store::Tx& tx) -> Result<core::SavedFilter> {
    auto mine = tx.saved_filters().list_saved_filters(actor.id);
    for (const auto& f : mine) {
      if (f.name == *name) {
        return make_error(Errc::conflict, "you already have a filter named " + *name,
                          {{"name", "already used"}});
      }
    }
    if (mine.size() >= kMaxSavedFilters) {
      return make_error(Errc::conflict,
                        "at most " + std::to_string(kMaxSavedFilters) + " saved filters each",
                        {{"name", "remove a filter first"}});
    }
    core::SavedFilter f{0, actor.id, *name, *query};
    f.id = tx.saved_filters().insert_saved_filter(f);
    return f;
  });
}

core::Done SavedFilters::remove(const core::Actor& actor, core::Id id) {
  return in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) -> core::Done {
    if (!tx.saved_filters().delete_saved_filter(actor.id, id)) {
      return make_error(Errc::not_found, "saved filter not found");
    }
    return core::done();
  });
}

}  // namespace frontline::app
