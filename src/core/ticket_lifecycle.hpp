// Ticket lifecycle rules: status transitions and the timestamps they set, what a reply does
// to a ticket, and when a resolved ticket closes by itself. Pure; the app layer applies them
// inside a store transaction.
#pragma once

#include "core/model.hpp"
#include "core/result.hpp"

namespace frontline::core {

// Moves the ticket to `to`, setting resolved_at / closed_at and clearing them on reopen.
// Closed is final: a closed ticket cannot change status (a follow-up is a new ticket).
Done change_status(Ticket& ticket, core::Status to, UnixTime now);

// Effects of a public message on its ticket: a customer reply reopens a resolved or pending
// ticket and marks it customer_replied_at; a public reply by staff clears that mark, and the
// first one sets first_response_at and opens a new ticket.
// Returns the status change it made, if any. A reply to a closed ticket is a conflict.
Result<std::optional<core::Status>> apply_public_reply(Ticket& ticket, bool author_is_staff,
                                                       UnixTime now);

// Whether the auto-close job should close this ticket now.
bool due_for_auto_close(const Ticket& ticket, UnixTime now, int resolved_days);

}  // namespace frontline::core
