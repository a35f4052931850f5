// Intake questions (issue 15): admins keep, per category and per service, the ordered questions
// a new ticket asks; staff read them all; anyone signed in reads the form for a category and a
// service (the portal, the phone-call form and the chat pre-form show it). The answers are
// checked and stored when the ticket is opened (Tickets::open, core::answer_intake_form).
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/civil_date.hpp"
#include "core/intake.hpp"
#include "core/result.hpp"

namespace frontline::app {

// Fields to change; absent ones stay as they are. Changing the scope moves the question to the
// end of its new form unless a position is given.
struct IntakeQuestionChanges {
  std::optional<std::string> category;                // "" with service_id: scope is the service
  std::optional<std::optional<core::Id>> service_id;  // null clears
  std::optional<std::int64_t> position;
  std::optional<std::string> key;
  std::optional<core::IntakeKind> kind;
  std::optional<std::string> label;
  std::optional<std::string> help;
  std::optional<std::vector<std::string>> choices;
  std::optional<bool> required;
  std::optional<bool> active;
};

// The report of tickets by their answer under one key (app/intake_report.cpp).
struct AnswerReport {
  std::string key;
  core::Day from = 0, to = 0;                  // UTC days, inclusive
  std::vector<core::IntakeAnswerCount> items;  // most tickets first
};

inline constexpr int kMaxAnswerReportLines = 200;

class Intake {
 public:
  explicit Intake(Context& ctx) : ctx_(ctx) {}

  // Every question (inactive too): staff only.
  core::Result<std::vector<core::IntakeQuestion>> list(const core::Actor& actor);
  // The active questions a ticket with this category and service asks, in order: the
  // category's, then the service's. Customers only for a public service (not_found otherwise,
  // as for a service that does not exist); an unknown category has no questions.
  core::Result<std::vector<core::IntakeQuestion>> form(const core::Actor& actor,
                                                       const std::string& category,
                                                       std::optional<core::Id> service_id);
  // Admins. The category must exist (its stored spelling is kept) or the service; position 0
  // puts the question last in its form.
  core::Result<core::IntakeQuestion> create(const core::Actor& actor, core::IntakeQuestion q);
  core::Result<core::IntakeQuestion> update(const core::Actor& actor, core::Id id,
                                            const IntakeQuestionChanges& changes);
  // Admins. Answers already given stay on their tickets.
  core::Done remove(const core::Actor& actor, core::Id id);

  // Staff only: the tickets created on the UTC days [from, to] (YYYY-MM-DD; default the 14 days
  // to today), not merged away, counted by their answer under `key` (any case; yes/no answers
  // are "yes" and "no"), with how many of each are still open (neither resolved nor closed).
  // At most kMaxAnswerReportLines answers, most tickets first. invalid naming key (not a key
  // questions may have), from or to.
  core::Result<AnswerReport> answers_report(const core::Actor& actor, std::string key,
                                            const std::optional<std::string>& from,
                                            const std::optional<std::string>& to);

 private:
  Context& ctx_;
};

}  // namespace frontline::app
