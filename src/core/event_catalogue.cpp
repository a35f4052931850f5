// The event catalogue (see header). The wire names are stored in every database and read by
// the web app and API clients: add types, never rename one.
#include "core/event_catalogue.hpp"

#include <algorithm>

namespace frontline::core {
namespace {

using enum EventType;
constexpr auto kTicket = EventScope::ticket;
constexpr auto kDesk = EventScope::desk;
constexpr auto kTicketOrDesk = EventScope::ticket_or_desk;
constexpr auto kPublic = EventVisibility::public_;
constexpr auto kInternal = EventVisibility::internal;
constexpr auto kDepends = EventVisibility::depends;

constexpr std::array kCatalogue{
    EventSpec{ticket_created,
              "ticket.created",
              kTicket,
              kPublic,
              "",
              {"subject", "channel", "requester_id"},
              "A ticket was opened (seeded demo tickets carry only `seeded`)."},
    EventSpec{message_added,
              "message.added",
              kTicket,
              kDepends,
              "the message is an internal note",
              {"message_id", "kind", "first", "chat_id"},
              "A message was added; `first` is set on the ticket's first message, `chat_id` when "
              "it was said in a live chat (the chat's transcript carries it, not a mail each)."},
    EventSpec{call_logged,
              "call.logged",
              kTicket,
              kInternal,
              "",
              {"taken_by", "minutes"},
              "A technician logged a phone call with the requester."},
    EventSpec{ticket_status_changed,
              "ticket.status_changed",
              kTicket,
              kPublic,
              "",
              {"from", "to", "reason"},
              "The status changed; `reason` is set when a job changed it (auto_close)."},
    EventSpec{ticket_priority_changed,
              "ticket.priority_changed",
              kTicket,
              kInternal,
              "",
              {"from", "to"},
              "The priority changed."},
    EventSpec{ticket_assigned,
              "ticket.assigned",
              kTicket,
              kInternal,
              "",
              {"from", "to"},
              "The assignee changed (user ids; null for nobody)."},
    EventSpec{ticket_team_changed,
              "ticket.team_changed",
              kTicket,
              kInternal,
              "",
              {"from", "to"},
              "The team changed (team ids; null for none)."},
    EventSpec{ticket_category_changed,
              "ticket.category_changed",
              kTicket,
              kPublic,
              "",
              {"from", "to"},
              "The category changed."},
    EventSpec{ticket_tags_changed,
              "ticket.tags_changed",
              kTicket,
              kInternal,
              "",
              {"from", "to"},
              "The tags changed (lists of tags)."},
    EventSpec{ticket_merged,
              "ticket.merged",
              kTicket,
              kPublic,
              "",
              {"into"},
              "This ticket was merged into another."},
    EventSpec{ticket_merged_from,
              "ticket.merged_from",
              kTicket,
              kPublic,
              "",
              {"from"},
              "Another ticket was merged into this one."},
    EventSpec{ticket_linked,
              "ticket.linked",
              kTicket,
              kInternal,
              "",
              {"ticket"},
              "This ticket was linked to another (recorded on both)."},
    EventSpec{mail_queued,
              "mail.queued",
              kTicketOrDesk,
              kInternal,
              "",
              {"to", "kind"},
              "An email was queued for sending (desk-wide for the morning report)."},
    EventSpec{mail_sent,
              "mail.sent",
              kTicketOrDesk,
              kInternal,
              "",
              {"to", "kind"},
              "The mail server took a queued email."},
    EventSpec{mail_retrying,
              "mail.retrying",
              kTicketOrDesk,
              kInternal,
              "",
              {"to", "kind", "attempt", "error"},
              "Sending an email failed; it will be tried again."},
    EventSpec{mail_failed,
              "mail.failed",
              kTicketOrDesk,
              kInternal,
              "",
              {"to", "kind", "attempt", "error"},
              "Sending an email failed for good."},
    EventSpec{mail_bounced,
              "mail.bounced",
              kTicket,
              kInternal,
              "",
              {"from", "subject", "status"},
              "A delivery failure report came back for mail about this ticket."},
    EventSpec{mail_template_changed,
              "mail.template_changed",
              kDesk,
              kInternal,
              "",
              {"kind", "reset"},
              "An admin changed a mail template; `reset` when back to the built-in text."},
    EventSpec{board_created,
              "board.created",
              kDesk,
              kInternal,
              "",
              {"board_id"},
              "A leaderboard was created."},
    EventSpec{board_updated,
              "board.updated",
              kDesk,
              kInternal,
              "",
              {"board_id"},
              "A leaderboard was changed."},
    EventSpec{board_deleted,
              "board.deleted",
              kDesk,
              kInternal,
              "",
              {"board_id"},
              "A leaderboard was deleted."},
    EventSpec{user_created,
              "user.created",
              kDesk,
              kInternal,
              "",
              {"user_id", "role"},
              "An account was created (`role` absent for a requester created by a ticket)."},
    EventSpec{user_updated,
              "user.updated",
              kDesk,
              kInternal,
              "",
              {"user_id"},
              "An admin changed an account."},
    EventSpec{user_password_reset,
              "user.password_reset",
              kDesk,
              kInternal,
              "",
              {"user_id"},
              "An account's password was reset."},
    EventSpec{user_password_changed,
              "user.password_changed",
              kDesk,
              kInternal,
              "",
              {"user_id"},
              "A user changed their own password."},
    EventSpec{user_signed_out_everywhere,
              "user.signed_out_everywhere",
              kDesk,
              kInternal,
              "",
              {"user_id"},
              "Every sign-in of an account was ended."},
    EventSpec{user_invited,
              "user.invited",
              kDesk,
              kInternal,
              "",
              {"user_id"},
              "An admin sent someone a link to set their password (earlier links stop working)."},
    EventSpec{user_invitation_accepted,
              "user.invitation_accepted",
              kDesk,
              kInternal,
              "",
              {"user_id"},
              "Someone set their password through an invitation link."},
    EventSpec{user_away_added,
              "user.away_added",
              kDesk,
              kInternal,
              "",
              {"user_id", "date"},
              "A day was marked as away for a user."},
    EventSpec{user_away_removed,
              "user.away_removed",
              kDesk,
              kInternal,
              "",
              {"user_id", "date"},
              "An away day was removed."},
    EventSpec{organization_created,
              "organization.created",
              kDesk,
              kInternal,
              "",
              {"organization_id"},
              "An organisation was created."},
    EventSpec{organization_updated,
              "organization.updated",
              kDesk,
              kInternal,
              "",
              {"organization_id"},
              "An organisation was changed."},
    EventSpec{
        team_created, "team.created", kDesk, kInternal, "", {"team_id"}, "A team was created."},
    EventSpec{team_members_changed,
              "team.members_changed",
              kDesk,
              kInternal,
              "",
              {"team_id"},
              "A team's members changed."},
    EventSpec{category_created,
              "category.created",
              kDesk,
              kInternal,
              "",
              {"category_id", "name"},
              "A category was created."},
    EventSpec{category_deleted,
              "category.deleted",
              kDesk,
              kInternal,
              "",
              {"category_id"},
              "A category was deleted."},
    EventSpec{chat_started,
              "chat.started",
              kTicket,
              kPublic,
              "",
              {"chat_id", "technician"},
              "A customer or visitor started a live chat; the ticket is its record."},
    EventSpec{chat_accepted,
              "chat.accepted",
              kTicket,
              kPublic,
              "",
              {"chat_id", "agent_id"},
              "A technician accepted a waiting chat."},
    EventSpec{chat_transferred,
              "chat.transferred",
              kTicket,
              kInternal,
              "",
              {"chat_id", "agent_id", "team_id", "note"},
              "A chat was handed to another technician or team (with an optional note)."},
    EventSpec{chat_reoffered,
              "chat.reoffered",
              kTicket,
              kInternal,
              "",
              {"chat_id", "waited_seconds"},
              "Nobody accepted a waiting chat in time; it was offered to everyone again."},
    EventSpec{chat_form_requested,
              "chat.form_requested",
              kTicket,
              kPublic,
              "",
              {"chat_id", "form_id", "seq"},
              "A technician sent a form into the chat."},
    EventSpec{chat_form_submitted,
              "chat.form_submitted",
              kTicket,
              kPublic,
              "",
              {"chat_id", "form_id", "seq"},
              "The customer filled in a form sent into the chat."},
    EventSpec{chat_ended,
              "chat.ended",
              kTicket,
              kPublic,
              "",
              {"chat_id", "by"},
              "A chat ended; its transcript is mailed to the customer."},
    EventSpec{chat_rated,
              "chat.rated",
              kTicket,
              kInternal,
              "",
              {"chat_id", "rating"},
              "The customer rated a chat from 1 to 5."},
};

// to_string indexes the table by the enum's value.
constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < kCatalogue.size(); ++i) {
    if (static_cast<std::size_t>(kCatalogue[i].type) != i) return false;
  }
  return true;
}
static_assert(in_enum_order(), "kCatalogue lists every EventType once, in declaration order");
static_assert(static_cast<std::size_t>(chat_rated) + 1 == kCatalogue.size(),
              "every EventType has an entry in kCatalogue");

}  // namespace

std::span<const EventSpec> event_catalogue() { return kCatalogue; }

const EventSpec& event_spec(EventType type) { return kCatalogue[static_cast<std::size_t>(type)]; }

std::string_view to_string(EventType type) { return event_spec(type).name; }

std::optional<EventType> parse_event_type(std::string_view name) {
  for (const auto& spec : kCatalogue) {
    if (spec.name == name) return spec.type;
  }
  return std::nullopt;
}

std::string_view to_string(EventScope scope) {
  switch (scope) {
    case EventScope::ticket:
      return "ticket";
    case EventScope::desk:
      return "desk";
    case EventScope::ticket_or_desk:
      return "ticket_or_desk";
  }
  return "";
}

std::string_view to_string(EventVisibility visibility) {
  switch (visibility) {
    case EventVisibility::public_:
      return "public";
    case EventVisibility::internal:
      return "internal";
    case EventVisibility::depends:
      return "depends";
  }
  return "";
}

std::span<const std::string_view> payload_fields(const EventSpec& spec) {
  const auto used = std::find(spec.fields.begin(), spec.fields.end(), std::string_view{});
  return {spec.fields.begin(), used};
}

}  // namespace frontline::core
