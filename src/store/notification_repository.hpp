// Notifications for members of staff (assigned to me, the customer replied on mine, mentioned, a
// contact of my team's service reported wrong).
// Promises: each person reads and marks only their own; lists are newest first; marking read
// what is already read changes nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/model.hpp"

namespace frontline::store {

using core::Id;
using core::UnixTime;

class NotificationRepository {
 public:
  virtual ~NotificationRepository() = default;

  virtual Id insert_notification(const core::Notification& notification) = 0;
  // Newest first, with the ticket's subject and the actor's name; ids below `before` when set.
  virtual std::vector<core::Notification> list_notifications(Id user_id, bool unread_only,
                                                             std::optional<Id> before,
                                                             int limit) = 0;
  virtual std::int64_t count_unread_notifications(Id user_id) = 0;
  // Marks the user's notifications among `ids` read at `now` (others' ids are ignored).
  virtual void mark_notifications_read(Id user_id, const std::vector<Id>& ids, UnixTime now) = 0;
  virtual void mark_all_notifications_read(Id user_id, UnixTime now) = 0;
};

}  // namespace frontline::store
