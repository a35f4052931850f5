// Notifications (see header).
#include "app/notifications.hpp"

#include <algorithm>

#include "app/event_data.hpp"
#include "core/mentions.hpp"

namespace frontline::app {

using core::Errc;
using core::Id;
using core::make_error;
using core::NotificationKind;
using core::Result;

namespace {

void notify(store::Tx& tx, Id user, NotificationKind kind, const core::Actor& actor,
            const core::Event& e) {
  core::Notification n;
  n.user_id = user;
  n.kind = kind;
  n.ticket_number = *e.ticket_number;
  if (actor.id > 0) n.actor_id = actor.id;
  n.event_id = e.id;
  n.created_at = e.created_at;
  tx.notifications().insert_notification(n);
}

// A customer's public message on a ticket someone owns; not in a live chat (the technician is
// in it, and a chat has a message every few seconds).
void on_customer_message(store::Tx& tx, const core::Actor& actor, const core::Event& e) {
  if (event_int(e.data, "chat_id")) return;
  auto ticket = tx.tickets().ticket_by_number(*e.ticket_number);
  if (!ticket || !ticket->assignee_id) return;
  notify(tx, *ticket->assignee_id, NotificationKind::customer_replied, actor, e);
}

void on_note(store::Tx& tx, const core::Actor& actor, const core::Event& e) {
  auto id = event_int(e.data, "message_id");
  auto note = id ? tx.messages().message_by_id(*id) : std::nullopt;
  if (!note || note->body.find('@') == std::string::npos) return;
  auto staff = tx.accounts().list_staff();
  std::erase_if(staff, [&](const core::User& u) { return u.disabled || u.id == actor.id; });
  for (Id who : core::mentioned_people(note->body, staff)) {
    notify(tx, who, NotificationKind::mentioned, actor, e);
  }
}

// Everyone in the owning team of the service whose contact was reported, but the reporter.
void on_contact_reported_wrong(store::Tx& tx, const core::Actor& actor, const core::Event& e) {
  auto service_id = event_int(e.data, "service_id");
  auto service = service_id ? tx.services().service_by_id(*service_id) : std::nullopt;
  if (!service || !service->team_id) return;
  auto team = tx.organizations().team_by_id(*service->team_id);
  if (!team) return;
  for (Id member : team->member_ids) {
    if (member == actor.id) continue;
    auto user = tx.accounts().user_by_id(member);
    if (!user || user->disabled) continue;
    notify(tx, member, NotificationKind::contact_reported_wrong, actor, e);
  }
}

}  // namespace

void notify_for_event(store::Tx& tx, const core::Actor& actor, const core::Event& e) {
  if (!e.ticket_number) return;
  // The one notification the system causes: the reminder job's, to the promise's owner.
  if (e.is(core::EventType::promise_reminded)) {
    auto owner = event_int(e.data, "owner_id");
    auto user = owner ? tx.accounts().user_by_id(*owner) : std::nullopt;
    if (user && !user->disabled) notify(tx, user->id, NotificationKind::promise_due, actor, e);
    return;
  }
  if (actor.id <= 0) return;
  if (e.is(core::EventType::ticket_assigned)) {
    auto to = event_int(e.data, "to");
    if (to && *to != actor.id) notify(tx, *to, NotificationKind::assigned, actor, e);
  } else if (e.is(core::EventType::message_added)) {
    if (e.internal) {
      on_note(tx, actor, e);
    } else if (!actor.is_staff()) {
      on_customer_message(tx, actor, e);
    }
  } else if (e.is(core::EventType::service_contact_reported_wrong)) {
    on_contact_reported_wrong(tx, actor, e);
  }
}

Result<NotificationPage> Notifications::list(const core::Actor& actor, bool unread_only,
                                             std::optional<Id> before, int limit) {
  if (!actor.is_staff()) return make_error(Errc::forbidden, "notifications are for staff");
  return in_read<NotificationPage>(ctx_.db, [&](store::Tx& tx) {
    NotificationPage page;
    page.items = tx.notifications().list_notifications(actor.id, unread_only, before,
                                                       std::clamp(limit, 1, 200));
    page.unread = tx.notifications().count_unread_notifications(actor.id);
    return Result<NotificationPage>(std::move(page));
  });
}

Result<std::int64_t> Notifications::mark_read(const core::Actor& actor,
                                              const std::vector<Id>& ids) {
  if (!actor.is_staff()) return make_error(Errc::forbidden, "notifications are for staff");
  if (ids.size() > 500) {
    return core::invalid_field("ids", "at most 500 at a time",
                               "Mark at most 500 notifications read at a time.");
  }
  const auto now = ctx_.clock.now();
  return in_write<std::int64_t>(ctx_.db, [&](store::Tx& tx) {
    tx.notifications().mark_notifications_read(actor.id, ids, now);
    return Result<std::int64_t>(tx.notifications().count_unread_notifications(actor.id));
  });
}

Result<std::int64_t> Notifications::mark_all_read(const core::Actor& actor) {
  if (!actor.is_staff()) return make_error(Errc::forbidden, "notifications are for staff");
  const auto now = ctx_.clock.now();
  return in_write<std::int64_t>(ctx_.db, [&](store::Tx& tx) {
    tx.notifications().mark_all_notifications_read(actor.id, now);
    return Result<std::int64_t>(tx.notifications().count_unread_notifications(actor.id));
  });
}

}  // namespace frontline::app
