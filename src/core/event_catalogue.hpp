// The event catalogue: every type of event the help desk appends to its log, declared once — wire
// name (as stored and served; never renamed), where it is recorded (on a ticket or desk-wide),
// who may see it, and its payload fields. Producers and consumers name types through EventType;
// no other code spells a type name. Immutable, so safe from any thread.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace frontline::core {

enum class EventType : std::uint8_t {
  ticket_created,
  message_added,
  call_logged,
  ticket_status_changed,
  ticket_priority_changed,
  ticket_assigned,
  ticket_team_changed,
  ticket_category_changed,
  ticket_tags_changed,
  ticket_merged,
  ticket_merged_from,
  ticket_linked,
  mail_queued,
  mail_sent,
  mail_retrying,
  mail_failed,
  mail_bounced,
  mail_template_changed,
  board_created,
  board_updated,
  board_deleted,
  user_created,
  user_updated,
  user_password_reset,
  user_password_changed,
  user_signed_out_everywhere,
  user_invited,
  user_invitation_accepted,
  user_away_added,
  user_away_removed,
  organization_created,
  organization_updated,
  team_created,
  team_members_changed,
  category_created,
  category_deleted,
  intake_question_created,
  intake_question_updated,
  intake_question_deleted,
  ticket_fields_answered,
  chat_started,
  chat_accepted,
  chat_transferred,
  chat_reoffered,
  chat_form_requested,
  chat_form_submitted,
  chat_ended,
  chat_rated,
  ticket_service_changed,
  service_created,
  service_updated,
  service_restored,
  service_contact_verified,
  service_contact_reported_wrong,
  ticket_escalated,
  ticket_deescalated,
  promise_made,
  promise_kept,
  promise_reminded,
  promise_broken,
  replacement_requested,
  replacement_updated,
  replacement_confirmed,
  replacement_shipped,
  replacement_delivered,
  replacement_returned,
  replacement_cancelled,
};

// Where an event is recorded: on a ticket (so it is part of that ticket's history), desk-wide
// (no ticket: accounts, settings), or either (mail about a ticket, or the morning report).
enum class EventScope : std::uint8_t { ticket, desk, ticket_or_desk };

// Who may see an event: everyone who may see its ticket, staff only, or decided per event by the
// rule in EventSpec::internal_when.
enum class EventVisibility : std::uint8_t { public_, internal, depends };

inline constexpr std::size_t kMaxEventFields = 4;

struct EventSpec {
  EventType type;
  std::string_view name;  // the wire name: API, live feed and stored rows
  EventScope scope;
  EventVisibility visibility;
  std::string_view internal_when;  // for EventVisibility::depends: when it is internal
  // The payload's field names (the JSON object in Event::data); unused slots are empty.
  std::array<std::string_view, kMaxEventFields> fields;
  std::string_view summary;  // what happened, for documentation; names optional fields
};

// Every type, in EventType order.
std::span<const EventSpec> event_catalogue();
const EventSpec& event_spec(EventType type);
std::string_view to_string(EventType type);
// nullopt for a name the catalogue does not declare.
std::optional<EventType> parse_event_type(std::string_view name);

std::string_view to_string(EventScope scope);
std::string_view to_string(EventVisibility visibility);

// The payload field names of a spec without the unused slots.
std::span<const std::string_view> payload_fields(const EventSpec& spec);

}  // namespace frontline::core
