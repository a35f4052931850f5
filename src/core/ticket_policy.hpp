// The one authorization policy: who may do what to which ticket, message or event.
// Pure functions of the Actor and the resource; every endpoint, list, search and event feed
// asks here, so a customer never sees an internal note or another person's ticket.
#pragma once

#include "core/model.hpp"

namespace frontline::core {

enum class TicketAction {
  view,               // read the ticket, its public messages and public events
  reply,              // add a public message
  add_internal_note,  // add a message only staff can see
  set_status,         // change status (customers: mark resolved or reopen)
  edit_properties,    // priority, assignee, team, category, tags
  merge,              // merge this ticket into another
  link,               // relate to another ticket
  view_internal,      // internal notes, internal events, agent-only fields
};

// Whether the actor may see the ticket at all (the basis of every other decision).
bool can_view_ticket(const Actor& actor, const Ticket& ticket);

// Whether the actor may perform the action on a ticket. Implies can_view_ticket.
bool can(const Actor& actor, TicketAction action, const Ticket& ticket);

// Status changes a customer may make on a visible ticket: resolve it or reopen it.
bool customer_may_set_status(Status from, Status to);

// The ticket as the actor may see it: for customers the agent-only fields are blanked and
// version/updated_at are the public ones (see Ticket::public_version). Staff get it unchanged.
Ticket as_seen_by(const Actor& actor, Ticket ticket);

// Marks a change the ticket's requester can see: bumps public_version and public_updated_at.
// Call it in the same write as the version bump.
void touch_public(Ticket& ticket, UnixTime now);

// The ticket's fields only staff may see, by their filter parameter and search key names (the
// JSON keys are priority, assignee_id, team_id, tags). Customers may not sort, filter or search
// on them: comparing result orders or sets would reveal them.
inline constexpr const char* kAgentOnlyFields[] = {"priority", "assignee", "team", "tag",
                                                   "service"};

// Whether the actor may open a ticket on behalf of requester_id.
bool can_create_ticket_for(const Actor& actor, Id requester_id);

bool can_see_message(const Actor& actor, MessageKind kind);
bool can_see_event(const Actor& actor, const Event& event);

// Users, teams, organisations, tokens of others: admins only.
bool can_administer(const Actor& actor);

}  // namespace frontline::core
