// Intake questions (issue 15): per category and per service, the ordered questions a new ticket
// asks ("what exactly does the error say", "serial number"), and the answers a ticket keeps as
// typed fields. The rules here check a question an admin writes and turn the answers a form sent
// into the ticket's fields, naming every problem at its field. Value types and pure functions;
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/result.hpp"

namespace frontline::core {

std::string_view to_string(IntakeKind k);
std::optional<IntakeKind> parse_intake_kind(std::string_view s);

inline constexpr std::size_t kMaxIntakeLabelBytes = 200;
inline constexpr std::size_t kMaxIntakeHelpBytes = 1000;
inline constexpr std::size_t kMaxIntakeKeyBytes = 40;
inline constexpr std::size_t kMaxIntakeChoices = 50;
inline constexpr std::size_t kMaxIntakeChoiceBytes = 200;

struct IntakeQuestion {
  Id id = 0;  // 0 until stored
  // Its scope: the form of one category (its name; any case) or of one directory service.
  // Exactly one of the two is set.
  std::string category;
  std::optional<Id> service_id;
  std::int64_t position = 0;  // order within its scope, smallest first (ties: id)
  // Short name searched as field:KEY=VALUE: lower-case letters, digits and '_' ("serial").
  std::string key;
  IntakeKind kind = IntakeKind::text;
  std::string label;                 // the question as asked
  std::string help;                  // a hint shown under it
  std::vector<std::string> choices;  // kind choice only, in the order offered
  bool required = false;
  bool active = true;  // inactive questions keep their answers but are no longer asked
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
};

// One answer as a form sent it: the JSON value's shape decides what it may answer.
struct SubmittedAnswer {
  enum class Shape { text, boolean, null, other };
  Id question_id = 0;
  Shape shape = Shape::null;
  std::string text;   // Shape::text
  bool flag = false;  // Shape::boolean
};

// One line of the report of tickets by their answer under a key (GET /reports/fields): an
// answer as typed (answers differing only in case count as one), how many tickets gave it, and
// how many of those are not yet resolved or closed.
struct IntakeAnswerCount {
  std::string value;  // a yes/no answer is "yes" or "no"
  std::int64_t tickets = 0;
  std::int64_t open = 0;
};

// True for a key questions may have: 1 to 40 of a-z, 0-9 and '_'.
bool is_intake_key(std::string_view key);

// Trims label, help, key and choices and checks them: a key made of [a-z0-9_] (taken from the
// label when empty), a label, choices only (and at least two) for a choice question, exactly one
// scope. Every problem is a FieldError named after the request field.
Result<Unit> check_intake_question(IntakeQuestion& q);

// The fields a ticket keeps for `given` answers to `form` (the active questions the ticket asks,
// in order): in form order, unanswered optional questions left out. invalid, with one FieldError
// "answers.<id>" per problem: a required question unanswered (null, missing, or blank), a value
// of the wrong shape for its kind (yes_no: true or false; others: a string), a choice not among
// the choices, a value too long, or an answer to a question that is not on the form.
Result<std::vector<TicketField>> answer_intake_form(const std::vector<IntakeQuestion>& form,
                                                    const std::vector<SubmittedAnswer>& given);

}  // namespace frontline::core
