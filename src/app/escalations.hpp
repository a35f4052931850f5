// Escalation (issue 15): staff hand a ticket to another team — it moves to that team's queue,
// keeping its requester and history — or to an external contact from the service directory (the
// team stays; the contact is recorded and shown). Either way the summary is on top of the ticket
// for staff and the requester is mailed, in the words of the "escalation" template, what happens
// next (app/mail_outbox). De-escalating ends the current escalation and returns the ticket to the
// team it came from. Escalations stack: escalating an escalated ticket again and de-escalating
// goes back one step. Customers see none of it but the mail. Thread-safe.
#pragma once

#include <optional>
#include <string>

#include "app/context.hpp"
#include "app/tickets.hpp"
#include "core/escalation.hpp"
#include "core/result.hpp"

namespace frontline::app {

inline constexpr std::size_t kMaxEscalationSummaryBytes = 4000;

// Exactly one of team_id and contact_id.
struct EscalationRequest {
  std::optional<core::Id> team_id;
  std::optional<core::Id> contact_id;
  std::string summary;
};

// The current escalation as staff see it, with the contact (when it still exists) and names.
struct EscalationView {
  core::Escalation escalation;
  std::string team_name;                        // team escalations
  std::optional<core::ServiceContact> contact;  // contact escalations, while the contact exists
  std::string service_name;                     // contact escalations
};

// The ticket's current escalation as staff see it, inside a unit (null when none).
std::optional<EscalationView> current_escalation_view(store::Tx& tx, core::Id number);

// A ticket after an escalation or de-escalation, with its escalation now (none after the last
// de-escalation).
struct EscalatedTicket {
  core::Ticket ticket;
  std::optional<EscalationView> escalation;
};

class Escalations {
 public:
  Escalations(Context& ctx, Tickets& tickets) : ctx_(ctx), tickets_(tickets) {}

  // Staff only (forbidden before any lookup). invalid naming team_id / contact_id / summary for
  // bad input or an unknown team or contact; conflict for a resolved or closed ticket (reopen it
  // first) and for the team the ticket is already in. To a team: the assignee stays only when
  // they are a member of the new team, else the ticket is unassigned in the new queue.
  core::Result<EscalatedTicket> escalate(const core::Actor& actor, core::Id number,
                                         const EscalationRequest& request);
  // Ends the current escalation (conflict when there is none, or the ticket is closed). A team
  // escalation returns the ticket to the team it came from, and to its assignee of then when
  // they are still an enabled member of staff (else unassigned). note: why, optional.
  core::Result<EscalatedTicket> deescalate(const core::Actor& actor, core::Id number,
                                           std::string_view note);

 private:
  Context& ctx_;
  Tickets& tickets_;
};

}  // namespace frontline::app
