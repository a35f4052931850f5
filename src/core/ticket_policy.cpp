// Authorization policy. Staff (agents and admins) see every ticket; customers see their own,
// and their organisation's when the organisation shares tickets.
#include "core/ticket_policy.hpp"

namespace frontline::core {

bool can_view_ticket(const Actor& actor, const Ticket& ticket) {
  if (actor.is_staff()) return true;
  if (ticket.requester_id == actor.id) return true;
  return actor.organization_shares_tickets && actor.organization_id.has_value() &&
         ticket.organization_id == actor.organization_id;
}

Ticket as_seen_by(const Actor& actor, Ticket ticket) {
  if (actor.is_staff()) return ticket;
  ticket.priority = Priority::normal;
  ticket.assignee_id.reset();
  ticket.team_id.reset();
  ticket.tags.clear();
  ticket.version = ticket.public_version;
  ticket.updated_at = ticket.public_updated_at;
  return ticket;
}

void touch_public(Ticket& ticket, UnixTime now) {
  ticket.public_version += 1;
  ticket.public_updated_at = now;
}

bool can(const Actor& actor, TicketAction action, const Ticket& ticket) {
  if (!can_view_ticket(actor, ticket)) return false;
  if (actor.is_staff()) return true;
  switch (action) {
    case TicketAction::view:
    case TicketAction::reply:
    case TicketAction::set_status:
      return true;
    case TicketAction::add_internal_note:
    case TicketAction::edit_properties:
    case TicketAction::merge:
    case TicketAction::link:
    case TicketAction::view_internal:
      return false;
  }
  return false;
}

bool customer_may_set_status(Status from, Status to) {
  if (from == Status::closed) return false;
  if (to == Status::resolved) return true;
  return to == Status::open && from == Status::resolved;
}

bool can_create_ticket_for(const Actor& actor, Id requester_id) {
  return actor.is_staff() || requester_id == actor.id;
}

bool can_see_message(const Actor& actor, MessageKind kind) {
  return actor.is_staff() || kind != MessageKind::internal_note;
}

bool can_see_event(const Actor& actor, const Event& event) {
  return actor.is_staff() || !event.internal;
}

bool can_administer(const Actor& actor) { return actor.role == Role::admin; }

}  // namespace frontline::core
