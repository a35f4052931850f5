// JSON for intake questions (docs/intake.md): the questions, the request bodies that add and
// change them, and the "answers" object a ticket create or a logged call carries (strictly
// decoded, like request_decoding). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/intake.hpp"
#include "core/result.hpp"

namespace frontline::http {

// {"id","category","service_id","position","key","kind","label","help","choices","required",
//  "active","created_at","updated_at"}; category or service_id is null.
std::string intake_question_json(const core::IntakeQuestion& q);
std::string intake_questions_json(const std::vector<core::IntakeQuestion>& qs);

// {"key","from","to","items":[{"value","tickets","open"}]}: the report of tickets by an answer.
std::string answer_report_json(const app::AnswerReport& r);

// POST: label, kind and a scope (category or service_id) required.
core::Result<core::IntakeQuestion> decode_intake_question(std::string_view body);
// PATCH: every field optional.
core::Result<app::IntakeQuestionChanges> decode_intake_question_changes(std::string_view body);

// {"<question_id>": "text" | true | false | null, …} as sent in a multipart form's "answers"
// part: the same rules as the JSON bodies' "answers" member.
core::Result<std::vector<core::SubmittedAnswer>> decode_intake_answers(std::string_view json);

}  // namespace frontline::http
