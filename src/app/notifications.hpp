// A technician's notifications: assigned to me, the customer replied on my ticket, mentioned in
// a note, a contact of my team's service reported wrong on a ticket, a promise of mine due soon.
// They are derived from the event that causes them, in the same write unit (so when the live feed
// shows the event, the notification is already there), and read by their owner only. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "app/context.hpp"
#include "core/model.hpp"
#include "core/result.hpp"
#include "store/tx.hpp"

namespace frontline::app {

// Called for every event appended to the log (event.id set): writes the notifications it causes.
// `actor` is who caused it (the system: id 0, which notifies nobody of anything but the owner of
// a promise it reminds).
void notify_for_event(store::Tx& tx, const core::Actor& actor, const core::Event& event);

struct NotificationPage {
  std::vector<core::Notification> items;  // newest first
  std::int64_t unread = 0;
};

class Notifications {
 public:
  explicit Notifications(Context& ctx) : ctx_(ctx) {}

  // Staff only (customers: forbidden). `before`: the items with smaller ids (paging).
  core::Result<NotificationPage> list(const core::Actor& actor, bool unread_only,
                                      std::optional<core::Id> before, int limit);
  // Marks the caller's notifications among `ids` read (or all of them); answers the unread count.
  core::Result<std::int64_t> mark_read(const core::Actor& actor, const std::vector<core::Id>& ids);
  core::Result<std::int64_t> mark_all_read(const core::Actor& actor);

 private:
  Context& ctx_;
};

}  // namespace frontline::app
