// Intake questions and their answers (see header).
#include "core/intake.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/text.hpp"

namespace frontline::core {
namespace {

constexpr std::array<std::pair<IntakeKind, std::string_view>, 5> kKinds = {{
    {IntakeKind::text, "text"},
    {IntakeKind::choice, "choice"},
    {IntakeKind::yes_no, "yes_no"},
    {IntakeKind::serial, "serial"},
    {IntakeKind::error_message, "error_message"},
}};

// How long an answer of each kind may be: an error message is pasted whole, a serial is short.
std::size_t max_answer_bytes(IntakeKind kind) {
  switch (kind) {
    case IntakeKind::serial:
      return 100;
    case IntakeKind::error_message:
      return 20000;
    default:
      return 2000;
  }
}

bool is_key_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// A key from a label: "Serial number" → "serial_number" (ASCII letters and digits kept).
std::string key_from_label(std::string_view label) {
  std::string key;
  for (char c : to_lower_ascii(label)) {
    if (key.size() >= kMaxIntakeKeyBytes) break;
    if (is_key_char(c) && c != '_') {
      key += c;
    } else if (!key.empty() && key.back() != '_') {
      key += '_';
    }
  }
  while (!key.empty() && key.back() == '_') key.pop_back();
  return key;
}

}  // namespace

bool is_intake_key(std::string_view key) {
  return !key.empty() && key.size() <= kMaxIntakeKeyBytes &&
         std::all_of(key.begin(), key.end(), is_key_char);
}

std::string_view to_string(IntakeKind k) {
  for (const auto& [kind, name] : kKinds) {
    if (kind == k) return name;
  }
  return "text";
}

std::optional<IntakeKind> parse_intake_kind(std::string_view s) {
  for (const auto& [kind, name] : kKinds) {
    if (name == s) return kind;
  }
  return std::nullopt;
}

Result<Unit> check_intake_question(IntakeQuestion& q) {
  std::vector<FieldError> problems;
  auto text = [&](const char* field, std::string& value, std::size_t max, bool required) {
    value = std::string(trim(value));
    if (!is_valid_utf8(value)) {
      problems.push_back({field, "is not valid UTF-8"});
    } else if (required && value.empty()) {
      problems.push_back({field, "is required"});
    } else if (value.size() > max) {
      problems.push_back({field, "is longer than " + std::to_string(max) + " bytes"});
    }
  };
  text("label", q.label, kMaxIntakeLabelBytes, true);
  text("help", q.help, kMaxIntakeHelpBytes, false);
  q.key = to_lower_ascii(trim(q.key));
  if (q.key.empty()) q.key = key_from_label(q.label);
  if (!is_intake_key(q.key)) {
    problems.push_back({"key", "use 1 to 40 lower-case letters, digits or _ (e.g. serial)"});
  }
  const bool has_category = !trim(q.category).empty();
  q.category = std::string(trim(q.category));
  if (has_category == q.service_id.has_value()) {
    problems.push_back({has_category ? "service_id" : "category",
                        "give either a category or a service_id, not both"});
  }
  if (q.kind == IntakeKind::choice) {
    for (auto& c : q.choices) c = std::string(trim(c));
    std::vector<std::string> seen;
    for (const auto& c : q.choices) {
      if (c.empty() || c.size() > kMaxIntakeChoiceBytes || !is_valid_utf8(c) ||
          c.find('\n') != std::string::npos) {
        problems.push_back({"choices", "each choice is one line of 1 to 200 characters"});
        break;
      }
      if (std::find(seen.begin(), seen.end(), c) != seen.end()) {
        problems.push_back({"choices", "\"" + c + "\" is offered twice"});
        break;
      }
      seen.push_back(c);
    }
    if (q.choices.size() < 2 || q.choices.size() > kMaxIntakeChoices) {
      problems.push_back({"choices", "a choice question offers 2 to 50 choices"});
    }
  } else if (!q.choices.empty()) {
    problems.push_back({"choices", "only a choice question has choices"});
  }
  if (problems.empty()) return Unit{};
  std::string message = "The question is not complete: " + problems.front().field + " " +
                        problems.front().message + ".";
  return make_error(Errc::invalid, std::move(message), std::move(problems));
}

Result<std::vector<TicketField>> answer_intake_form(const std::vector<IntakeQuestion>& form,
                                                    const std::vector<SubmittedAnswer>& given) {
  std::vector<FieldError> problems;
  std::vector<TicketField> fields;
  auto field_name = [](Id id) { return "answers." + std::to_string(id); };
  for (const auto& a : given) {
    const bool on_form = std::any_of(
        form.begin(), form.end(), [&](const IntakeQuestion& q) { return q.id == a.question_id; });
    if (!on_form) {
      problems.push_back({field_name(a.question_id),
                          "is not a question of this ticket's form (check its category and "
                          "service)"});
    }
  }
  for (const auto& q : form) {
    auto it = std::find_if(given.begin(), given.end(),
                           [&](const SubmittedAnswer& a) { return a.question_id == q.id; });
    const auto name = field_name(q.id);
    std::optional<std::string> value;  // nullopt: unanswered
    if (it != given.end()) {
      switch (it->shape) {
        case SubmittedAnswer::Shape::null:
          break;
        case SubmittedAnswer::Shape::boolean:
          if (q.kind == IntakeKind::yes_no) {
            value = it->flag ? "yes" : "no";
          } else {
            problems.push_back({name, "must be text"});
            continue;
          }
          break;
        case SubmittedAnswer::Shape::text:
          if (q.kind == IntakeKind::yes_no) {
            problems.push_back({name, "must be true or false (yes or no)"});
            continue;
          }
          if (q.kind == IntakeKind::error_message) {
            // Kept exactly as pasted: its spacing may matter. Blank counts as no answer.
            if (!trim(it->text).empty()) value = it->text;
          } else if (!trim(it->text).empty()) {
            value = std::string(trim(it->text));
          }
          break;
        case SubmittedAnswer::Shape::other:
          problems.push_back({name, q.kind == IntakeKind::yes_no
                                        ? "must be true or false (yes or no)"
                                        : "must be text"});
          continue;
      }
    }
    if (!value) {
      if (q.required) problems.push_back({name, "is required: " + q.label});
      continue;
    }
    if (!is_valid_utf8(*value)) {
      problems.push_back({name, "is not valid UTF-8"});
      continue;
    }
    if (value->size() > max_answer_bytes(q.kind)) {
      problems.push_back(
          {name, "is longer than " + std::to_string(max_answer_bytes(q.kind)) + " bytes"});
      continue;
    }
    if (q.kind != IntakeKind::error_message && value->find('\n') != std::string::npos) {
      problems.push_back({name, "must be one line"});
      continue;
    }
    if (q.kind == IntakeKind::choice &&
        std::find(q.choices.begin(), q.choices.end(), *value) == q.choices.end()) {
      std::string offered;
      for (const auto& c : q.choices) offered += (offered.empty() ? "" : ", ") + c;
      problems.push_back({name, "must be one of: " + offered});
      continue;
    }
    fields.push_back(TicketField{q.id, q.key, q.label, q.kind, std::move(*value)});
  }
  if (problems.empty()) return fields;
  std::string message =
      problems.size() == 1
          ? "One answer needs attention: " + problems.front().message + "."
          : std::to_string(problems.size()) + " answers need attention; see each field.";
  return make_error(Errc::invalid, std::move(message), std::move(problems));
}

}  // namespace frontline::core
