// Focus of this file: the intake rules — checking a question an admin writes, turning a form's
// answers into ticket fields (required, shapes, choices, lengths, questions not on the form), and
// the field:KEY=VALUE search filter.
#include "core/intake.hpp"

#include <gtest/gtest.h>

#include "core/search_query.hpp"

namespace frontline::core {
namespace {

using Shape = SubmittedAnswer::Shape;

IntakeQuestion question(Id id, IntakeKind kind, bool required, std::string label,
                        std::vector<std::string> choices = {}) {
  IntakeQuestion q;
  q.id = id;
  q.category = "Hardware";
  q.kind = kind;
  q.required = required;
  q.label = std::move(label);
  q.key = "k" + std::to_string(id);
  q.choices = std::move(choices);
  return q;
}

SubmittedAnswer text(Id id, std::string value) { return {id, Shape::text, std::move(value)}; }
SubmittedAnswer flag(Id id, bool value) { return {id, Shape::boolean, "", value}; }

std::vector<std::string> fields_named(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.field);
  return out;
}

const std::vector<IntakeQuestion> kForm = {
    question(1, IntakeKind::error_message, true, "What exactly does the error say?"),
    question(2, IntakeKind::yes_no, false, "Does anyone else see it?"),
    question(3, IntakeKind::choice, true, "Machine type", {"Laptop", "Desktop"}),
    question(4, IntakeKind::serial, false, "Serial number"),
};

TEST(IntakeAnswers, AnswersBecomeFieldsInFormOrderAndUnansweredOptionalOnesAreLeftOut) {
  auto fields = answer_intake_form(
      kForm, {text(3, " Laptop "), text(1, "  E42: disk\n    at boot"), flag(2, false)});
  ASSERT_TRUE(fields) << fields.error().message;
  ASSERT_EQ(fields->size(), 3u);
  EXPECT_EQ((*fields)[0].question_id, 1);
  EXPECT_EQ((*fields)[0].value, "  E42: disk\n    at boot");  // kept exactly
  EXPECT_EQ((*fields)[0].label, "What exactly does the error say?");
  EXPECT_EQ((*fields)[1].value, "no");
  EXPECT_EQ((*fields)[2].value, "Laptop");
  EXPECT_EQ((*fields)[2].key, "k3");
}

TEST(IntakeAnswers, EveryProblemIsNamedAtItsField) {
  auto missing = answer_intake_form(kForm, {text(1, "   "), flag(4, true)});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, Errc::invalid);
  EXPECT_EQ(fields_named(missing.error()),
            (std::vector<std::string>{"answers.1", "answers.3", "answers.4"}));
  EXPECT_NE(missing.error().fields[1].message.find("Machine type"), std::string::npos);

  auto wrong = answer_intake_form(
      kForm, {text(1, "x"), text(2, "yes"), text(3, "Tablet"), text(9, "stray")});
  ASSERT_FALSE(wrong);
  EXPECT_EQ(fields_named(wrong.error()),
            (std::vector<std::string>{"answers.9", "answers.2", "answers.3"}));
  EXPECT_NE(wrong.error().fields[2].message.find("Laptop, Desktop"), std::string::npos);

  auto shapes = answer_intake_form(
      kForm, {{1, Shape::other}, text(3, "Laptop"), text(4, "two\nlines"), {2, Shape::other}});
  ASSERT_FALSE(shapes);
  EXPECT_EQ(fields_named(shapes.error()),
            (std::vector<std::string>{"answers.1", "answers.2", "answers.4"}));

  EXPECT_FALSE(
      answer_intake_form(kForm, {text(1, "x"), text(3, "Laptop"), text(4, std::string(101, 'A'))}));
  EXPECT_TRUE(answer_intake_form({}, {}));
  EXPECT_FALSE(answer_intake_form({}, {text(1, "x")}));
}

TEST(IntakeQuestions, AQuestionIsCheckedAndItsKeyTakenFromItsLabel) {
  auto q = question(0, IntakeKind::serial, true, "  Serial number (on the back) ");
  q.key = "";
  ASSERT_TRUE(check_intake_question(q));
  EXPECT_EQ(q.label, "Serial number (on the back)");
  EXPECT_EQ(q.key, "serial_number_on_the_back");

  auto both = question(0, IntakeKind::text, false, "x");
  both.service_id = 4;
  EXPECT_FALSE(check_intake_question(both));
  auto neither = question(0, IntakeKind::text, false, "x");
  neither.category = " ";
  EXPECT_FALSE(check_intake_question(neither));

  auto bad_key = question(0, IntakeKind::text, false, "x");
  bad_key.key = "Serial Number";
  EXPECT_FALSE(check_intake_question(bad_key));

  auto one_choice = question(0, IntakeKind::choice, false, "Type", {"Laptop"});
  EXPECT_FALSE(check_intake_question(one_choice));
  auto repeated = question(0, IntakeKind::choice, false, "Type", {"Laptop", " Laptop"});
  EXPECT_FALSE(check_intake_question(repeated));
  auto stray = question(0, IntakeKind::text, false, "Type", {"a", "b"});
  EXPECT_FALSE(check_intake_question(stray));
  auto no_label = question(0, IntakeKind::text, false, "  ");
  auto e = check_intake_question(no_label);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().fields.front().field, "label");
}

TEST(IntakeSearch, FieldFiltersTakeKeyEqualsValue) {
  auto q = parse_search_query("printer field:Serial=ABC123 field:\"error=disk full\"");
  ASSERT_TRUE(q) << q.error().message;
  ASSERT_EQ(q->fields.size(), 2u);
  EXPECT_EQ(q->fields[0], (std::pair<std::string, std::string>{"serial", "ABC123"}));
  EXPECT_EQ(q->fields[1], (std::pair<std::string, std::string>{"error", "disk full"}));
  EXPECT_EQ(q->text.terms.size(), 1u);
  EXPECT_FALSE(parse_search_query("field:serial"));
  EXPECT_FALSE(parse_search_query("field:=x"));
  EXPECT_FALSE(parse_search_query("field:serial="));
}

}  // namespace
}  // namespace frontline::core
