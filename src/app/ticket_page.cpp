// A ticket's page in one read unit (see header).
#include "app/ticket_page.hpp"

#include "app/replacements.hpp"
#include "app/ticket_access.hpp"

namespace frontline::app {

core::Result<FullTicket> read_ticket_page(Context& ctx, const core::Actor& actor, core::Id number) {
  return in_read<FullTicket>(
      ctx.db,
      [&](store::Tx& tx) -> core::Result<FullTicket> {
        store::TicketRepository::TicketParts parts;
        auto t = load_seen_with_fields(tx, actor, number, &parts);
        if (!t) return t.take_error();
        FullTicket page;
        page.ticket = std::move(*t);
        if (parts.replacements) page.replacements = ticket_replacements_in(tx, number);
        if (actor.is_staff()) {
          if (parts.escalations) page.escalation = current_escalation_view(tx, number);
          if (parts.promises) page.promises = tx.promises().ticket_promises(number);
        }
        return page;
      },
      // Usually one statement (the parts are read only when the ticket has them).
      &store::Database::read_brief);
}

}  // namespace frontline::app
