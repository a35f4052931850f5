// Live chat values: a chat (one conversation with one customer or anonymous visitor, always
// backed by a ticket), the entries of its numbered log, and the forms staff send into it; plus
// the pure rules on them (which steps a customer can tick, which field types a form has, what a
// submitted form must hold). Value types and pure functions; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/intake.hpp"
#include "core/model.hpp"
#include "core/result.hpp"

namespace frontline::core {

enum class ChatStatus { waiting, active, ended };
std::string_view to_string(ChatStatus s);
std::optional<ChatStatus> parse_chat_status(std::string_view s);

// The pre-chat answers: who asks, about what, and what they already tried.
struct ChatIntake {
  std::string name;
  std::string email;
  std::string topic;
  bool technician = false;              // "I am a technical support technician": skip the basics
  std::vector<std::string> steps_done;  // from chat_steps()
  std::string steps_other;
  std::string serial_number;
  std::string machine_type;
  // These two go to the chat's ticket, not to the chat: the ticket's category (as a new ticket's;
  // "" for none) and the answers to that category's intake questions, checked as POST /tickets
  // checks them (core::answer_intake_form, in Tickets::open_in).
  std::string category;
  std::vector<SubmittedAnswer> answers;
};

// The troubleshooting steps a customer can tick before a chat, by wire name.
const std::vector<std::string_view>& chat_steps();

// Checks the pre-chat answers (required fields, sizes, UTF-8, known steps); trims them in place.
// Errors name the field.
Done validate_intake(ChatIntake& intake);

struct Chat {
  Id id = 0;
  Id ticket_number = 0;
  ChatStatus status = ChatStatus::waiting;
  ChatIntake intake;
  Id requester_id = 0;
  std::optional<Id> agent_id;
  std::string agent_name;  // loaded with the chat
  std::optional<Id> team_id;
  std::string visitor_token_hash;  // set for an anonymous visitor's chat
  UnixTime created_at = 0;
  std::optional<UnixTime> accepted_at;
  std::optional<UnixTime> ended_at;
  UnixTime offered_at = 0;  // when it was last offered to technicians (re-offered when unanswered)
  std::int64_t last_seq = 0;
  std::optional<int> rating;
  std::string rating_comment;
};

enum class ChatEntryKind { message, status, form };
std::string_view to_string(ChatEntryKind k);
std::optional<ChatEntryKind> parse_chat_entry_kind(std::string_view s);

// One entry of a chat's log. seq numbers the log from 1 without gaps. What a status or form
// entry says beyond its kind is `data`, a JSON object text written by the app layer (its keys
// become the frame's: see docs/chat.md).
struct ChatEntry {
  Id chat_id = 0;
  std::int64_t seq = 0;
  ChatEntryKind kind = ChatEntryKind::message;
  Role author_role = Role::customer;
  std::optional<Id> author_id;
  std::string author_name;
  std::string body;
  std::string data;              // "{}" when nothing more
  std::string client_id;         // the sender's, making a resend idempotent; empty: none
  std::optional<Id> message_id;  // the ticket message a chat message also is
  UnixTime at = 0;
};

enum class FormFieldType { text, multiline, email, phone, yes_no, choice };
std::string_view to_string(FormFieldType t);
std::optional<FormFieldType> parse_form_field_type(std::string_view s);

struct FormField {
  std::string name;  // the key of its value: [a-z0-9_], unique in the form
  std::string label;
  FormFieldType type = FormFieldType::text;
  bool required = false;
  std::vector<std::string> options;  // choice only
};

// A form admins define and staff send into a chat ("shipping address for a replacement").
struct ChatForm {
  Id id = 0;
  std::string title;
  std::vector<FormField> fields;
  UnixTime updated_at = 0;
};

// Checks a form's definition (title, at least one field, names, labels, options).
Done validate_form(const ChatForm& form);

// Checks a submission against the form: every required field filled, no unknown field, yes/no
// "yes" or "no", a choice among the options, an email that looks like one. Values are trimmed
// in place; errors name the field.
Done validate_submission(const ChatForm& form,
                         std::vector<std::pair<std::string, std::string>>& values);

}  // namespace frontline::core
