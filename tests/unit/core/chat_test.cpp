// Focus of this file: the pure rules of live chat — pre-chat answers (required fields, known
// steps, trimming), form definitions and the customer's submissions.
#include "core/chat.hpp"

#include <gtest/gtest.h>

namespace frontline::core {
namespace {

ChatIntake intake() {
  ChatIntake in;
  in.email = " ann@example.com ";
  in.topic = " Printer shows E04 ";
  return in;
}

std::string field_of(const Done& d) { return d ? "" : d.error().fields.at(0).field; }

TEST(ChatIntake, EmailAndTopicAreRequiredAndTrimmed) {
  auto in = intake();
  ASSERT_TRUE(validate_intake(in));
  EXPECT_EQ(in.email, "ann@example.com");
  EXPECT_EQ(in.topic, "Printer shows E04");
  auto no_topic = intake();
  no_topic.topic = "   ";
  EXPECT_EQ(field_of(validate_intake(no_topic)), "topic");
  auto bad_email = intake();
  bad_email.email = "ann";
  EXPECT_EQ(field_of(validate_intake(bad_email)), "email");
}

TEST(ChatIntake, OnlyKnownStepsAreAcceptedAndRepeatsCollapse) {
  auto in = intake();
  in.steps_done = {"restarted", "restarted", "tried_another_device"};
  ASSERT_TRUE(validate_intake(in));
  EXPECT_EQ(in.steps_done, (std::vector<std::string>{"restarted", "tried_another_device"}));
  in.steps_done = {"prayed"};
  EXPECT_EQ(field_of(validate_intake(in)), "steps_done");
}

TEST(ChatIntake, OverlongOrInvalidTextNamesTheField) {
  auto in = intake();
  in.serial_number = std::string(101, 'x');
  EXPECT_EQ(field_of(validate_intake(in)), "serial_number");
  auto bad = intake();
  bad.name = "\xff\xfe";
  EXPECT_EQ(field_of(validate_intake(bad)), "name");
}

ChatForm replacement() {
  ChatForm f;
  f.title = "Replacement";
  f.fields = {{"address", "Shipping address", FormFieldType::multiline, true, {}},
              {"email", "Email", FormFieldType::email, false, {}},
              {"urgent", "Urgent?", FormFieldType::yes_no, false, {}},
              {"speed", "Shipping", FormFieldType::choice, false, {"standard", "express"}}};
  return f;
}

TEST(ChatForms, ADefinitionNeedsATitleFieldsUniqueNamesAndOptionsForChoices) {
  EXPECT_TRUE(validate_form(replacement()));
  auto untitled = replacement();
  untitled.title = " ";
  EXPECT_EQ(field_of(validate_form(untitled)), "title");
  auto empty = replacement();
  empty.fields.clear();
  EXPECT_EQ(field_of(validate_form(empty)), "fields");
  auto twice = replacement();
  twice.fields[1].name = "address";
  EXPECT_FALSE(validate_form(twice));
  auto bad_name = replacement();
  bad_name.fields[0].name = "Shipping Address";
  EXPECT_FALSE(validate_form(bad_name));
  auto no_options = replacement();
  no_options.fields[3].options.clear();
  EXPECT_FALSE(validate_form(no_options));
  auto stray_options = replacement();
  stray_options.fields[0].options = {"a"};
  EXPECT_FALSE(validate_form(stray_options));
}

TEST(ChatForms, ASubmissionFillsRequiredFieldsWithValuesOfTheRightKind) {
  std::vector<std::pair<std::string, std::string>> ok{{"address", " 1 Main St "},
                                                      {"urgent", "yes"},
                                                      {"speed", "express"}};
  ASSERT_TRUE(validate_submission(replacement(), ok));
  EXPECT_EQ(ok[0].second, "1 Main St");
  std::vector<std::pair<std::string, std::string>> missing{{"urgent", "no"}};
  EXPECT_EQ(field_of(validate_submission(replacement(), missing)), "address");
  std::vector<std::pair<std::string, std::string>> unknown{{"address", "x"}, {"colour", "red"}};
  EXPECT_EQ(field_of(validate_submission(replacement(), unknown)), "colour");
  std::vector<std::pair<std::string, std::string>> maybe{{"address", "x"}, {"urgent", "maybe"}};
  EXPECT_EQ(field_of(validate_submission(replacement(), maybe)), "urgent");
  std::vector<std::pair<std::string, std::string>> slow{{"address", "x"}, {"speed", "by horse"}};
  EXPECT_EQ(field_of(validate_submission(replacement(), slow)), "speed");
  std::vector<std::pair<std::string, std::string>> mail{{"address", "x"}, {"email", "nope"}};
  EXPECT_EQ(field_of(validate_submission(replacement(), mail)), "email");
}

TEST(ChatValues, WireNamesRoundTrip) {
  for (auto s : {ChatStatus::waiting, ChatStatus::active, ChatStatus::ended}) {
    EXPECT_EQ(parse_chat_status(to_string(s)), s);
  }
  for (auto t : {FormFieldType::text, FormFieldType::choice, FormFieldType::yes_no}) {
    EXPECT_EQ(parse_form_field_type(to_string(t)), t);
  }
  EXPECT_FALSE(parse_chat_status("paused"));
  EXPECT_EQ(parse_chat_entry_kind("form"), ChatEntryKind::form);
}

}  // namespace
}  // namespace frontline::core
