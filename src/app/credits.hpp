// Keeps the leaderboard's rollups in step with tickets: every use case that changes a ticket's
// status calls record_status_change in the same transaction, so the rollups always equal a
// recount of the resolves and reopens (rules in core/leaderboard.hpp).
#pragma once

#include "core/model.hpp"
#include "store/tx.hpp"

namespace frontline::app {

// `ticket` as it is after the change (status, assignee, team, category); `from` the status
// before. The credit goes to the assignee's local day of `now`.
void record_status_change(store::Tx& tx, const core::Ticket& ticket, core::Status from,
                          core::UnixTime now);

}  // namespace frontline::app
