// Bulk actions (see header): a loop over Tickets::update and Tickets::merge, one write each.
#include "app/bulk_actions.hpp"

#include <algorithm>

namespace frontline::app {

using core::Errc;
using core::Id;
using core::make_error;

core::Result<std::vector<BulkOutcome>> BulkActions::apply(const core::Actor& actor,
                                                          const BulkRequest& req) {
  if (!actor.is_staff()) {
    return make_error(Errc::forbidden, "bulk actions are for the support team");
  }
  if (req.numbers.empty()) return core::invalid_field("numbers", "select at least one ticket");
  if (req.numbers.size() > kMaxBulkTickets) {
    return core::invalid_field(
        "numbers", "select at most " + std::to_string(kMaxBulkTickets) + " tickets at a time");
  }
  if (req.changes.has_value() == req.merge_into.has_value()) {
    return core::invalid_field("changes", "send either changes or merge_into");
  }
  std::vector<Id> numbers;
  for (Id n : req.numbers) {
    if (std::find(numbers.begin(), numbers.end(), n) == numbers.end()) numbers.push_back(n);
  }
  std::vector<BulkOutcome> out;
  out.reserve(numbers.size());
  for (Id number : numbers) {
    BulkOutcome outcome{number, std::nullopt};
    std::optional<std::vector<std::int64_t>> if_match;
    if (auto v = req.versions.find(number); v != req.versions.end()) {
      if_match = std::vector<std::int64_t>{v->second};
    }
    if (req.changes) {
      auto r = tickets_.update(actor, number, *req.changes, if_match);
      if (!r) outcome.error = r.error();
    } else if (number != *req.merge_into) {  // the target itself stays as it is
      // A merge carries no If-Match of its own; a stale version still stops it.
      if (if_match) {
        auto current = tickets_.get(actor, number);
        if (current && current->version != if_match->front()) {
          outcome.error = make_error(
              Errc::stale, "ticket #" + std::to_string(number) + " was changed by someone else");
        }
      }
      if (!outcome.error) {
        auto r = tickets_.merge(actor, number, *req.merge_into);
        if (!r) outcome.error = r.error();
      }
    }
    out.push_back(std::move(outcome));
  }
  return out;
}

}  // namespace frontline::app
