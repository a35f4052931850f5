// Intake question JSON (see header).
#include "http/intake_codec.hpp"

#include "http/codec_support.hpp"
#include "http/field_reader.hpp"
#include "http/intake_answers.hpp"

namespace frontline::http {
namespace {

using decoding::decode;
using decoding::FieldReader;

constexpr const char* kKinds = "text, choice, yes_no, serial, error_message";

json::object question_object(const core::IntakeQuestion& q) {
  json::array choices;
  for (const auto& c : q.choices) choices.emplace_back(c);
  return json::object{
      {"id", q.id},
      {"category", q.category.empty() ? json::value(nullptr) : json::value(q.category)},
      {"service_id", opt_id(q.service_id)},
      {"position", q.position},
      {"key", q.key},
      {"kind", core::to_string(q.kind)},
      {"label", q.label},
      {"help", q.help},
      {"choices", std::move(choices)},
      {"required", q.required},
      {"active", q.active},
      {"created_at", iso8601(q.created_at)},
      {"updated_at", iso8601(q.updated_at)},
  };
}

}  // namespace

std::string intake_question_json(const core::IntakeQuestion& q) {
  return json::serialize(question_object(q));
}

std::string intake_questions_json(const std::vector<core::IntakeQuestion>& qs) {
  return items_json(qs, question_object);
}

std::string answer_report_json(const app::AnswerReport& r) {
  json::array items;
  for (const auto& line : r.items) {
    items.push_back(
        json::object{{"value", line.value}, {"tickets", line.tickets}, {"open", line.open}});
  }
  return json::serialize(json::object{{"key", r.key},
                                      {"from", core::format_day(r.from)},
                                      {"to", core::format_day(r.to)},
                                      {"items", std::move(items)}});
}

core::Result<core::IntakeQuestion> decode_intake_question(std::string_view body) {
  return decode<core::IntakeQuestion>(body, [](FieldReader& r) {
    core::IntakeQuestion q;
    q.category = r.string("category").value_or("");
    q.service_id = r.nullable_id("service_id").value_or(std::nullopt);
    q.position = r.integer("position").value_or(0);
    q.key = r.string("key").value_or("");
    auto kind = r.choice<core::IntakeKind>("kind", core::parse_intake_kind, kKinds);
    if (!kind && !r.raw("kind")) r.type_error("kind", std::string("is required: ") + kKinds);
    q.kind = kind.value_or(core::IntakeKind::text);
    q.label = r.string("label", true).value_or("");
    q.help = r.string("help").value_or("");
    q.choices = r.strings("choices").value_or(std::vector<std::string>{});
    q.required = r.boolean("required").value_or(false);
    q.active = r.boolean("active").value_or(true);
    return q;
  });
}

core::Result<app::IntakeQuestionChanges> decode_intake_question_changes(std::string_view body) {
  return decode<app::IntakeQuestionChanges>(body, [](FieldReader& r) {
    app::IntakeQuestionChanges c;
    if (auto* v = r.raw("category"); v && v->is_null()) {
      c.category = "";
    } else {
      c.category = r.string("category");
    }
    c.service_id = r.nullable_id("service_id");
    c.position = r.integer("position");
    c.key = r.string("key");
    c.kind = r.choice<core::IntakeKind>("kind", core::parse_intake_kind, kKinds);
    c.label = r.string("label");
    c.help = r.string("help");
    c.choices = r.strings("choices");
    c.required = r.boolean("required");
    c.active = r.boolean("active");
    return c;
  });
}

core::Result<std::vector<core::SubmittedAnswer>> decode_intake_answers(std::string_view text) {
  auto obj = decoding::parse_object(text);
  if (!obj) {
    return core::make_error(core::Errc::bad_input,
                            "answers must be a JSON object of question ids and answers",
                            {{"answers", "must be a JSON object"}});
  }
  std::vector<core::SubmittedAnswer> out;
  if (auto r = read_intake_answers(*obj, out); !r) return r.take_error();
  return out;
}

}  // namespace frontline::http
