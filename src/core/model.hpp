// The help desk's domain values: roles, ticket status/priority/channel, and the plain records
// the store loads and the app returns. Value types only; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/event_catalogue.hpp"

namespace frontline::core {

using Id = std::int64_t;
using UnixTime = std::int64_t;  // seconds since the epoch, UTC

enum class Role { customer, agent, admin };
enum class Status { new_, open, pending, on_hold, resolved, closed };
enum class Priority { low, normal, high, urgent };
enum class Channel { web, email, chat, phone, api };
enum class MessageKind { public_reply, internal_note, system };

std::string_view to_string(Role r);
std::string_view to_string(Status s);
std::string_view to_string(Priority p);
std::string_view to_string(Channel c);
std::string_view to_string(MessageKind k);
std::optional<Role> parse_role(std::string_view s);
std::optional<Status> parse_status(std::string_view s);
std::optional<Priority> parse_priority(std::string_view s);
std::optional<Channel> parse_channel(std::string_view s);
std::optional<MessageKind> parse_message_kind(std::string_view s);

// Who is acting. Built by http auth from a session or token; the policy decides on it alone.
struct Actor {
  Id id = 0;
  Role role = Role::customer;
  std::optional<Id> organization_id;
  bool organization_shares_tickets = false;  // "members see each other's tickets"
  std::string email;
  std::string name;
  bool is_staff() const { return role != Role::customer; }
};

struct User {
  Id id = 0;
  std::string email;
  std::string name;
  Role role = Role::customer;
  std::optional<Id> organization_id;
  std::string timezone = "UTC";
  bool disabled = false;
  bool verified = true;
  UnixTime created_at = 0;
  bool morning_report = true;  // staff: the leaderboard mail each morning (they may opt out)
  bool ranked = true;          // staff: on the company-wide leaderboard (admins decide)
  bool invited = false;        // read only: an invitation link is out and not used yet
};

struct Organization {
  Id id = 0;
  std::string name;
  bool share_tickets = false;
  // The organisation's working weekdays as bits, Monday = bit 0 (default Monday to Friday);
  // a technician's average counts these days (core/leaderboard.hpp).
  std::uint8_t work_week = 0b0011111;
};

// A ticket category offered in the forms (tickets keep the category's name as text).
struct Category {
  Id id = 0;
  std::string name;
};

// A query in the search language that a person keeps under a name in their queue list.
struct SavedFilter {
  Id id = 0;
  Id user_id = 0;
  std::string name;
  std::string query;
};

struct Team {
  Id id = 0;
  std::string name;
  std::vector<Id> member_ids;
};

// A named leaderboard: it ranks only its members (the default board ranks all active staff).
struct Board {
  Id id = 0;
  std::string name;
  std::vector<Id> member_ids;
};

// What an intake question asks for (core/intake.hpp): text: one line; error_message:
// preformatted text kept exactly (several lines); serial: one short token; choice: one of the
// question's choices; yes_no: true or false.
enum class IntakeKind { text, choice, yes_no, serial, error_message };

// One intake answer stored on a ticket: what was asked (label, kind and key as they were when
// answered, so renaming or deleting a question leaves old tickets readable) and the value. A
// yes_no value is "yes" or "no".
struct TicketField {
  Id question_id = 0;
  std::string key;
  std::string label;
  IntakeKind kind = IntakeKind::text;
  std::string value;
  bool operator==(const TicketField&) const = default;
};

struct Ticket {
  Id number = 0;
  std::string subject;
  Status status = Status::new_;
  Priority priority = Priority::normal;
  Id requester_id = 0;
  std::optional<Id> organization_id;
  std::optional<Id> assignee_id;
  std::optional<Id> team_id;
  std::optional<Id> service_id;  // the directory's service the ticket is about
  std::string category;
  Channel channel = Channel::web;
  std::vector<std::string> tags;
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
  std::optional<UnixTime> first_response_at;
  std::optional<UnixTime> resolved_at;
  std::optional<UnixTime> closed_at;
  std::optional<Id> merged_into;
  // When the requester's side last wrote publicly with no public staff reply since (the queue's
  // "customer replied" marker); cleared by the next public reply from staff.
  std::optional<UnixTime> customer_replied_at;
  std::int64_t version = 1;  // bumps on every change; the ETag staff see
  // The same two for what a customer can see (status, category, public messages, merge): they
  // move only with those, so a customer never learns of internal work from them.
  std::int64_t public_version = 1;
  UnixTime public_updated_at = 0;
  // Denormalised for display; filled by the store on reads.
  std::string requester_email;
  std::string requester_name;
  // The intake answers in form order, when the use case loaded them (one ticket read or written
  // through Tickets); nullopt in lists.
  std::optional<std::vector<TicketField>> fields;
};

struct Attachment {
  Id id = 0;
  Id ticket_number = 0;
  std::optional<Id> message_id;
  std::string filename;
  std::string content_type;
  std::int64_t size = 0;
  std::string sha256;  // hex; the file name under data/attachments/
  UnixTime created_at = 0;
};

struct Message {
  Id id = 0;
  Id ticket_number = 0;
  MessageKind kind = MessageKind::public_reply;
  Id author_id = 0;
  std::string author_name;
  std::string body;
  UnixTime created_at = 0;
  std::vector<Attachment> attachments;
  std::string email_message_id;  // without <>; empty unless it came by (or went out as) email
  // Came by email from an address the receiving MTA did not vouch for (staff see it; see
  // app::Mail). Never mailed out as a staff reply.
  bool unverified_sender = false;
  // The sender's HTML, sanitised when the mail came in; empty: the message is text only.
  std::string html;
};

// Something a member of staff should look at: derived from an event, in the event's unit.
// contact_reported_wrong: someone on a ticket reported a contact of a service the member's team
// owns as wrong (the service directory). promise_due: a promise the member made on a ticket is
// due soon (the reminder, once per promise).
enum class NotificationKind {
  assigned,
  customer_replied,
  mentioned,
  contact_reported_wrong,
  promise_due
};
std::string_view to_string(NotificationKind k);
std::optional<NotificationKind> parse_notification_kind(std::string_view s);

struct Notification {
  Id id = 0;
  Id user_id = 0;
  NotificationKind kind = NotificationKind::assigned;
  Id ticket_number = 0;
  std::string subject;  // the ticket's, when read
  std::optional<Id> actor_id;
  std::string actor_name;  // when read
  Id event_id = 0;
  UnixTime created_at = 0;
  std::optional<UnixTime> read_at;
};

// One row of the event log: the audit history and the outbox at once.
// data is a small JSON object text, written by the app layer.
struct Event {
  Id id = 0;
  std::optional<Id> ticket_number;
  std::optional<Id> actor_id;
  std::string type;  // the catalogue's wire name, to_string(EventType)
  std::string data;
  bool internal = false;  // true when only staff may see it (internal notes, agent-only fields)
  UnixTime created_at = 0;

  bool is(EventType t) const { return type == to_string(t); }
};

// One email the help desk sends: a notification composed from an event, queued until the SMTP
// server takes it. Ids are without <>; references oldest first.
enum class MailStatus { queued, sent, failed };
struct OutboundMail {
  Id id = 0;
  Id event_id = 0;
  std::string kind;  // acknowledgement, reply, assignment
  std::optional<Id> ticket_number;
  std::string recipient;
  std::string subject;
  std::string body;
  std::string html;  // an HTML alternative; empty: text only
  std::string message_id;
  std::string in_reply_to;
  std::vector<std::string> references;
  std::string auto_submitted = "no";  // RFC 3834: "auto-replied", "auto-generated" or "no"
  MailStatus status = MailStatus::queued;
  int attempts = 0;
  UnixTime next_attempt_at = 0;
  std::string last_error;
  UnixTime created_at = 0;
};

}  // namespace frontline::core
