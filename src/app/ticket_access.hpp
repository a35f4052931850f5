// What the ticket use cases (tickets.cpp, ticket_opening.cpp, ticket_listing.cpp) share: a
// ticket's not-found error, a load under the caller's visibility, the policy check that says what
// was refused, and the checks of what people type (text, tags). Internal to app.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/ticket_policy.hpp"
#include "store/tx.hpp"

namespace frontline::app {

core::Error not_found(core::Id number);

// Loads a ticket the actor may see, or not_found.
core::Result<core::Ticket> load_visible(store::Tx& tx, const core::Actor& actor, core::Id number);

// A ticket as the actor may see it, with its intake answers (read only when it has some: one
// statement otherwise), or not_found. `parts`, when given, says which other optional parts it
// has (escalations, promises) so a caller reads only those.
core::Result<core::Ticket> load_seen_with_fields(
    store::Tx& tx, const core::Actor& actor, core::Id number,
    store::TicketRepository::TicketParts* parts = nullptr);

// Unit, or forbidden: "you may not <what> on this ticket".
core::Result<core::Unit> require(const core::Actor& actor, core::TicketAction action,
                                 const core::Ticket& t, std::string_view what);

// Text of at most max bytes of valid UTF-8, else invalid naming the field in plain words.
core::Result<core::Unit> check_text(std::string_view field, std::string_view text, std::size_t max);

// Tags lower-cased, checked and without repeats.
core::Result<std::vector<std::string>> normalise_tags(const std::vector<std::string>& raw);

}  // namespace frontline::app
