// Tickets, their lists, counts and links as JSON. What a customer receives never holds
// agent-only fields (priority, assignee, team, tags) — the viewer decides the shape.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/tickets.hpp"
#include "core/model.hpp"

namespace frontline::http {

// What a ticket's JSON carries beyond its own fields, each already JSON (empty: left out).
// chat: the chat a chat's ticket carries (chat_codec); escalation and promises (staff only:
// escalation_codec) are written as "escalation" and "promises"; replacements (staff and
// customers, already shaped for the viewer by replacement_codec) as "replacements".
struct TicketExtras {
  std::string_view chat;
  std::string_view escalation;
  std::string_view promises;
  std::string_view replacements;
};
std::string ticket_json(const core::Ticket& t, const core::Actor& viewer,
                        const TicketExtras& extras = {});
std::string ticket_list_json(const app::TicketList& list, const core::Actor& viewer);
std::string ticket_count_json(const app::TicketCount& c);
std::string links_json(core::Id number, const std::vector<core::Id>& linked);

}  // namespace frontline::http
