// Bulk actions on a queue selection: the same field changes (or a merge) applied to many tickets,
// each ticket in its own write unit, so one that fails (stale, not allowed) leaves the others
// done. Staff only. Thread-safe.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "app/tickets.hpp"

namespace frontline::app {

// A selection larger than this is refused whole (a queue page holds far fewer).
inline constexpr std::size_t kMaxBulkTickets = 200;

struct BulkRequest {
  std::vector<core::Id> numbers;
  std::optional<TicketChanges> changes;       // either these...
  std::optional<core::Id> merge_into;         // ...or a merge of every other ticket into this one
  std::map<core::Id, std::int64_t> versions;  // If-Match per ticket, where the caller has one
};

struct BulkOutcome {
  core::Id number = 0;
  std::optional<core::Error> error;  // none: done
};

class BulkActions {
 public:
  explicit BulkActions(Tickets& tickets) : tickets_(tickets) {}

  // One outcome per distinct number, in the order asked. Errors for the request as a whole:
  // forbidden (customers), invalid (no numbers, more than kMaxBulkTickets, neither or both of
  // changes and merge_into).
  core::Result<std::vector<BulkOutcome>> apply(const core::Actor& actor, const BulkRequest& req);

 private:
  Tickets& tickets_;
};

}  // namespace frontline::app
