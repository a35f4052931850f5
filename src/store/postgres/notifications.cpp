// PostgreSQL NotificationRepository: staff notifications. Queries are named constants next to the
// code that runs them; every value is bound as a parameter.
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

Id PgNotifications::insert_notification(const core::Notification& n) {
  auto s = db_.prepare(
      "INSERT INTO notifications(user_id, kind, ticket_number, actor_id, event_id, created_at) "
      "VALUES($1, $2, $3, $4, $5, $6) RETURNING id");
  s.bind(1, n.user_id)
      .bind(2, core::to_string(n.kind))
      .bind(3, n.ticket_number)
      .bind(4, n.actor_id)
      .bind(5, n.event_id)
      .bind(6, n.created_at);
  s.step();
  return s.int64(0);
}

std::vector<core::Notification> PgNotifications::list_notifications(Id user_id, bool unread_only,
                                                                    std::optional<Id> before,
                                                                    int limit) {
  // $3 is cast: in "$3 IS NULL" alone PostgreSQL could not tell its type.
  auto s = db_.prepare(
      "SELECT n.id, n.kind, n.ticket_number, t.subject, n.actor_id, coalesce(u.name, ''), "
      "n.event_id, n.created_at, n.read_at FROM notifications n "
      "JOIN tickets t ON t.number = n.ticket_number LEFT JOIN users u ON u.id = n.actor_id "
      "WHERE n.user_id = $1 AND (NOT $2::boolean OR n.read_at IS NULL) "
      "AND ($3::bigint IS NULL OR n.id < $3::bigint) ORDER BY n.id DESC LIMIT $4");
  s.bind(1, user_id).bind_bool(2, unread_only).bind(3, before);
  s.bind(4, static_cast<std::int64_t>(limit));
  std::vector<core::Notification> out;
  while (s.step()) {
    core::Notification n;
    n.id = s.int64(0);
    n.user_id = user_id;
    n.kind = core::parse_notification_kind(s.text(1)).value_or(core::NotificationKind::assigned);
    n.ticket_number = s.int64(2);
    n.subject = s.text(3);
    n.actor_id = s.opt_int64(4);
    n.actor_name = s.text(5);
    n.event_id = s.int64(6);
    n.created_at = s.int64(7);
    n.read_at = s.opt_int64(8);
    out.push_back(std::move(n));
  }
  return out;
}

std::int64_t PgNotifications::count_unread_notifications(Id user_id) {
  auto s = db_.prepare("SELECT count(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL");
  s.bind(1, user_id);
  s.step();
  return s.int64(0);
}

void PgNotifications::mark_notifications_read(Id user_id, const std::vector<Id>& ids,
                                              UnixTime now) {
  for (Id id : ids) {
    db_.prepare(
           "UPDATE notifications SET read_at = $1 WHERE id = $2 AND user_id = $3 AND "
           "read_at IS NULL")
        .bind(1, now)
        .bind(2, id)
        .bind(3, user_id)
        .run();
  }
}

void PgNotifications::mark_all_notifications_read(Id user_id, UnixTime now) {
  db_.prepare("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL")
      .bind(1, now)
      .bind(2, user_id)
      .run();
}

}  // namespace frontline::store::postgres
