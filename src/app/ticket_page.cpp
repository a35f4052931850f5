// A ticket's page in one read unit (see header).
#include "app/ticket_page.hpp"

#include "app/ticket_access.hpp"

namespace frontline::app {

core::Result<FullTicket> read_ticket_page(Context& ctx, const core::Actor& actor, core::Id number) {
  return in_read<FullTicket>(ctx.db, [&](store::Tx& tx) -> core::Result<FullTicket> {
    auto found = tx.tickets().ticket_with_parts(number);
    if (!found || !core::can_view_ticket(actor, found->first)) return not_found(number);
    auto& [t, parts] = *found;
    FullTicket page;
    t.fields = parts.fields ? tx.intake().ticket_fields(number) : std::vector<core::TicketField>();
    page.ticket = core::as_seen_by(actor, std::move(t));
    if (actor.is_staff()) {
      if (parts.escalations) page.escalation = current_escalation_view(tx, number);
      if (parts.promises) page.promises = tx.promises().ticket_promises(number);
    }
    return page;
  });
}

}  // namespace frontline::app
