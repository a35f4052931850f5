// The auto-close job (see header): closes in batches so each write transaction stays short.
#include "app/ticket_jobs.hpp"

#include "app/accounts.hpp"
#include "app/credits.hpp"
#include "app/event_data.hpp"
#include "core/ticket_lifecycle.hpp"
#include "core/ticket_policy.hpp"

namespace frontline::app {

core::Result<int> auto_close_resolved(Context& ctx) {
  const auto now = ctx.clock.now();
  const int days = ctx.limits.auto_close_after_days;
  int closed = 0;
  for (;;) {
    auto batch = in_write<int>(ctx.db, [&](store::Tx& tx) -> core::Result<int> {
      int n = 0;
      for (auto number : tx.tickets().tickets_resolved_before(now - days * 86400LL, 200)) {
        auto t = tx.tickets().ticket_by_number(number);
        if (!t || !core::due_for_auto_close(*t, now, days)) continue;
        if (!core::change_status(*t, core::Status::closed, now)) continue;
        t->updated_at = now;
        t->version += 1;
        core::touch_public(*t, now);
        if (!tx.tickets().update_ticket(*t)) continue;
        record_status_change(tx, *t, core::Status::resolved, now);
        record_event(tx, system_actor(), number, core::EventType::ticket_status_changed,
                     EventData()
                         .add("from", "resolved")
                         .add("to", "closed")
                         .add("reason", "auto_close")
                         .str(),
                     now);
        ++n;
      }
      return n;
    });
    if (!batch) return batch.take_error();
    closed += *batch;
    if (*batch == 0) return closed;
  }
}

}  // namespace frontline::app
