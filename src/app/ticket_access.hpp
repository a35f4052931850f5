// What the ticket use cases (tickets.cpp, ticket_listing.cpp) share to reach one ticket: its
// not-found error, a load under the caller's visibility, and the policy check that says what was
// refused. Internal to app.
#pragma once

#include <string_view>

#include "core/result.hpp"
#include "core/ticket_policy.hpp"
#include "store/tx.hpp"

namespace frontline::app {

core::Error not_found(core::Id number);

// Loads a ticket the actor may see, or not_found.
core::Result<core::Ticket> load_visible(store::Tx& tx, const core::Actor& actor, core::Id number);

// Unit, or forbidden: "you may not <what> on this ticket".
core::Result<core::Unit> require(const core::Actor& actor, core::TicketAction action,
                                 const core::Ticket& t, std::string_view what);

}  // namespace frontline::app
