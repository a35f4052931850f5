// The rollup hook (see header).
#include "app/credits.hpp"

#include "app/local_time.hpp"
#include "core/leaderboard.hpp"

namespace frontline::app {

void record_status_change(store::Tx& tx, const core::Ticket& ticket, core::Status from,
                          core::UnixTime now) {
  // Most changes (new → open on the first reply) need no read at all.
  if (!core::may_move_credit(from, ticket.status)) return;
  auto stored = tx.credits().ticket_credit(ticket.number);
  std::optional<core::Credit> current;
  if (stored) current = core::Credit{stored->agent_id, stored->day};
  core::Day day = 0;
  if (ticket.status == core::Status::resolved && ticket.assignee_id) {
    auto agent = tx.accounts().user_by_id(*ticket.assignee_id);
    day = local_day(now, agent ? agent->timezone : "UTC");
  }
  const auto change =
      core::credit_on_status_change(current, from, ticket.status, ticket.assignee_id, day);
  if (change.remove && stored) tx.credits().remove_credit(*stored);
  if (change.add) {
    tx.credits().add_credit({ticket.number, change.add->agent, change.add->day,
                             ticket.team_id.value_or(0), ticket.category,
                             std::string(core::to_string(ticket.channel))});
  }
}

}  // namespace frontline::app
