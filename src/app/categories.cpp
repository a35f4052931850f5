// Ticket categories (see header).
#include "app/categories.hpp"

#include "app/event_data.hpp"
#include "app/validation.hpp"
#include "core/ticket_policy.hpp"

namespace frontline::app {

using core::Errc;
using core::make_error;
using core::Result;

Result<std::vector<core::Category>> Categories::list(const core::Actor&) {
  return in_read<std::vector<core::Category>>(ctx_.db, [](store::Tx& tx) {
    return Result<std::vector<core::Category>>(tx.categories().list_categories());
  });
}

Result<core::Category> Categories::create(const core::Actor& actor, std::string_view raw_name) {
  if (!core::can_administer(actor)) return admins_only();
  auto name = checked_name("name", raw_name, 100);
  if (!name) return name.take_error();
  const auto now = ctx_.clock.now();
  return in_write<core::Category>(ctx_.db, [&](store::Tx& tx) -> Result<core::Category> {
    if (tx.categories().category_by_name(*name)) {
      return make_error(Errc::conflict, "category " + *name + " already exists",
                        {{"name", "already exists"}});
    }
    core::Category c{tx.categories().insert_category(*name), *name};
    record_event(tx, actor, std::nullopt, core::EventType::category_created,
                 EventData().add("category_id", c.id).add("name", c.name).str(), now);
    return c;
  });
}

core::Done Categories::remove(const core::Actor& actor, core::Id id) {
  if (!core::can_administer(actor)) return admins_only();
  const auto now = ctx_.clock.now();
  return in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) -> core::Done {
    if (!tx.categories().delete_category(id))
      return make_error(Errc::not_found, "category not found");
    record_event(tx, actor, std::nullopt, core::EventType::category_deleted,
                 EventData().add("category_id", id).str(), now);
    return core::done();
  });
}

}  // namespace frontline::app
