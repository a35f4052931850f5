// Ticket lifecycle rules (see header).
#include "core/ticket_lifecycle.hpp"

#include <string>

namespace frontline::core {

Done change_status(Ticket& ticket, core::Status to, UnixTime now) {
  if (ticket.status == to) return done();
  if (ticket.status == Status::closed) {
    return make_error(Errc::invalid, "ticket is closed; open a follow-up ticket instead",
                      {{"status", "a closed ticket cannot change status"}});
  }
  ticket.status = to;
  if (to == Status::resolved) {
    ticket.resolved_at = now;
  } else if (to == Status::closed) {
    if (!ticket.resolved_at) ticket.resolved_at = now;
    ticket.closed_at = now;
  } else {
    ticket.resolved_at.reset();
  }
  return done();
}

Result<std::optional<core::Status>> apply_public_reply(Ticket& ticket, bool author_is_staff,
                                                       UnixTime now) {
  if (ticket.status == Status::closed) {
    return make_error(Errc::conflict, "ticket #" + std::to_string(ticket.number) +
                                          " is closed; open a new ticket instead");
  }
  std::optional<core::Status> next;
  if (author_is_staff) {
    ticket.customer_replied_at.reset();
    if (!ticket.first_response_at) ticket.first_response_at = now;
    if (ticket.status == Status::new_) next = Status::open;
  } else {
    ticket.customer_replied_at = now;
    if (ticket.status == Status::resolved || ticket.status == Status::pending) next = Status::open;
  }
  if (next) {
    auto changed = change_status(ticket, *next, now);
    if (!changed) return changed.take_error();
  }
  return next;
}

bool due_for_auto_close(const Ticket& ticket, UnixTime now, int resolved_days) {
  return ticket.status == Status::resolved && ticket.resolved_at &&
         *ticket.resolved_at + static_cast<UnixTime>(resolved_days) * 86400 <= now;
}

}  // namespace frontline::core
