// Intake questions (per category and per service) and the answers each ticket keeps as fields.
// Promises: questions of a scope are listed by position, then id; a category scope matches
// ignoring case; a question's choices read back in the order written; a ticket's fields read
// back in the order written; deleting a question leaves the fields answered to it as they are.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/intake.hpp"

namespace frontline::store {

using core::Id;

class IntakeRepository {
 public:
  virtual ~IntakeRepository() = default;

  virtual Id insert_question(const core::IntakeQuestion& question) = 0;
  // Writes every field of question.id; false when there is no such question.
  virtual bool update_question(const core::IntakeQuestion& question) = 0;
  // false when there was no such question.
  virtual bool delete_question(Id id) = 0;
  virtual std::optional<core::IntakeQuestion> question_by_id(Id id) = 0;
  // Every question: category scopes first (by category, ignoring case), then service scopes (by
  // service id); each scope by position, then id.
  virtual std::vector<core::IntakeQuestion> list_questions() = 0;
  // The form a ticket with this category and service asks: the category's questions, then the
  // service's; inactive ones only when include_inactive. An empty category or no service adds
  // nothing.
  virtual std::vector<core::IntakeQuestion> form_questions(std::string_view category,
                                                           std::optional<Id> service_id,
                                                           bool include_inactive) = 0;

  // Sets each field in turn: replaces the ticket's answer to the same question in place (its
  // position kept), or adds it after the ticket's other fields.
  virtual void set_fields(Id ticket_number, const std::vector<core::TicketField>& fields) = 0;
  virtual std::vector<core::TicketField> ticket_fields(Id ticket_number) = 0;

  // The report of tickets by their answer under `key`: of the tickets created in [from, to) and
  // not merged into another, per answer (ignoring case; the spelling shown is the smallest
  // byte-wise), how many tickets gave it and how many of them are neither resolved nor closed.
  // A ticket with two answers under the key counts under each. Most tickets first, then by
  // answer; at most `limit` lines.
  virtual std::vector<core::IntakeAnswerCount> answer_counts(std::string_view key,
                                                             core::UnixTime from, core::UnixTime to,
                                                             int limit) = 0;
};

}  // namespace frontline::store
