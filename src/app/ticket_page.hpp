// One ticket as its page (GET /api/v1/tickets/{n}) shows it, read in one unit: the ticket with
// its intake answers, its hardware replacements and, for staff, its current escalation and
// its promises — each part read
// only when the ticket has it (the ticket's statement says which). Read as three use cases, a
// GET took three transactions and six statements; on PostgreSQL, where each statement is a
// round trip, GET one ticket fell from 16.7 k/s to 6.3 k/s (bench/postgres.sh).
#pragma once

#include <optional>
#include <vector>

#include "app/context.hpp"
#include "app/escalations.hpp"
#include "core/escalation.hpp"
#include "core/replacement.hpp"
#include "core/result.hpp"

namespace frontline::app {

struct FullTicket {
  core::Ticket ticket;                          // as the actor may see it
  std::optional<EscalationView> escalation;     // staff only
  std::vector<core::Promise> promises;          // staff only
  std::vector<core::Replacement> replacements;  // staff and customers (the codec hides reason)
};

core::Result<FullTicket> read_ticket_page(Context& ctx, const core::Actor& actor, core::Id number);

}  // namespace frontline::app
