// PostgreSQL NotificationRepository: not written yet — every call throws (see issue 14).
#include "store/postgres/not_yet.hpp"
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

Id PgNotifications::insert_notification(const core::Notification& notification) {
  throw not_yet("insert_notification");
}

std::vector<core::Notification> PgNotifications::list_notifications(Id user_id, bool unread_only,
                                                                    std::optional<Id> before,
                                                                    int limit) {
  throw not_yet("list_notifications");
}

std::int64_t PgNotifications::count_unread_notifications(Id user_id) {
  throw not_yet("count_unread_notifications");
}

void PgNotifications::mark_notifications_read(Id user_id, const std::vector<Id>& ids,
                                              UnixTime now) {
  throw not_yet("mark_notifications_read");
}

void PgNotifications::mark_all_notifications_read(Id user_id, UnixTime now) {
  throw not_yet("mark_all_notifications_read");
}

}  // namespace frontline::store::postgres
