// PostgreSQL TicketRepository: not written yet — every call throws (see issue 14).
#include "store/postgres/not_yet.hpp"
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

void PgTickets::insert_ticket(core::Ticket& ticket, std::string_view public_text,
                              std::string_view internal_text) {
  throw not_yet("insert_ticket");
}

std::optional<core::Ticket> PgTickets::ticket_by_number(Id number) {
  throw not_yet("ticket_by_number");
}

bool PgTickets::update_ticket(const core::Ticket& ticket) { throw not_yet("update_ticket"); }

TicketPage PgTickets::list_tickets(const TicketFilter& filter) { throw not_yet("list_tickets"); }

std::int64_t PgTickets::count_tickets(const TicketFilter& filter, std::int64_t cap) {
  throw not_yet("count_tickets");
}

std::vector<Id> PgTickets::tickets_resolved_before(UnixTime before, int limit) {
  throw not_yet("tickets_resolved_before");
}

void PgTickets::link_tickets(Id a, Id b) { throw not_yet("link_tickets"); }

std::vector<Id> PgTickets::linked_tickets(Id number) { throw not_yet("linked_tickets"); }

void PgTickets::add_ticket_cc(Id ticket_number, std::string_view email) {
  throw not_yet("add_ticket_cc");
}

std::vector<std::string> PgTickets::ticket_ccs(Id ticket_number) { throw not_yet("ticket_ccs"); }

std::optional<Id> PgTickets::idempotent_ticket(Id user_id, std::string_view key) {
  throw not_yet("idempotent_ticket");
}

void PgTickets::remember_idempotent_ticket(Id user_id, std::string_view key, Id number,
                                           UnixTime now) {
  throw not_yet("remember_idempotent_ticket");
}

}  // namespace frontline::store::postgres
