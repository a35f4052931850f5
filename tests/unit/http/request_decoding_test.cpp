// Focus of this file: strict request decoding — malformed JSON, unknown fields named in the
// error, wrong types, invalid UTF-8 — and multipart parsing.
#include "http/request_decoding.hpp"

#include <gtest/gtest.h>

#include "http/multipart.hpp"

namespace frontline::http {
namespace {

TEST(RequestDecoding, OpenTicketReadsKnownFields) {
  auto t =
      decode_open_ticket(R"({"subject":"S","body":"B","requester_email":"a@b.c","tags":["x"]})");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->subject, "S");
  EXPECT_EQ(t->requester_email, "a@b.c");
  EXPECT_EQ(t->tags, std::vector<std::string>{"x"});
}

TEST(RequestDecoding, UnknownFieldIsNamedInTheError) {
  auto t = decode_open_ticket(R"({"subject":"S","body":"B","sbuject":"typo"})");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, core::Errc::bad_input);
  ASSERT_EQ(t.error().fields.size(), 1u);
  EXPECT_EQ(t.error().fields[0].field, "sbuject");
}

TEST(RequestDecoding, WrongTypeIsNamed) {
  auto t = decode_open_ticket(R"({"subject":42,"body":"B"})");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().fields.at(0).field, "subject");
}

TEST(RequestDecoding, MissingRequiredFieldIsNamed) {
  auto t = decode_open_ticket(R"({"subject":"S"})");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().fields.at(0).field, "body");
}

TEST(RequestDecoding, MalformedJsonAndNonObjectsAreBadInput) {
  for (const char* body : {"", "{", "[1,2]", "\"text\"", "{\"subject\":}", "nul"}) {
    auto t = decode_open_ticket(body);
    ASSERT_FALSE(t) << body;
    EXPECT_EQ(t.error().code, core::Errc::bad_input) << body;
  }
}

TEST(RequestDecoding, InvalidUtf8InsideAStringIsRejected) {
  auto t = decode_open_ticket("{\"subject\":\"caf\xC3\",\"body\":\"b\"}");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, core::Errc::bad_input);
}

TEST(RequestDecoding, NullAssigneeClearsAndAbsentLeavesAlone) {
  auto c = decode_ticket_changes(R"({"assignee_id":null})");
  ASSERT_TRUE(c);
  ASSERT_TRUE(c->assignee_id.has_value());
  EXPECT_FALSE(c->assignee_id->has_value());
  EXPECT_FALSE(c->team_id.has_value());
}

TEST(RequestDecoding, UnknownStatusListsTheAllowedValues) {
  auto c = decode_ticket_changes(R"({"status":"done"})");
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("resolved"), std::string::npos);
}

TEST(RequestDecoding, MessageKindMustBePublicOrInternal) {
  EXPECT_FALSE(decode_new_message(R"({"kind":"secret","body":"x"})"));
  auto m = decode_new_message(R"({"kind":"internal","body":"x"})");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->kind, core::MessageKind::internal_note);
}

TEST(Multipart, ParsesFieldsAndFiles) {
  using namespace std::string_literals;  // the file part holds a NUL byte
  std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"subject\"\r\n\r\nPrinter\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"attachments\"; "
      "filename=\"C:\\\\shot.png\"\r\n"
      "Content-Type: image/png\r\n\r\n\x89PNG\r\n\x00\x01\r\n--XyZ--\r\n"s;
  body.replace(body.find("\\\\"), 2, "\\");
  auto form = parse_multipart("multipart/form-data; boundary=XyZ", body);
  ASSERT_TRUE(form) << form.error().message;
  EXPECT_EQ(form->fields.at("subject"), "Printer");
  ASSERT_EQ(form->files.size(), 1u);
  EXPECT_EQ(form->files[0].filename, "shot.png");
  EXPECT_EQ(form->files[0].content_type, "image/png");
  EXPECT_EQ(form->files[0].bytes, std::string("\x89PNG\r\n\x00\x01", 8));
}

TEST(Multipart, UnterminatedBodyIsBadInput) {
  auto form = parse_multipart("multipart/form-data; boundary=XyZ",
                              "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end");
  ASSERT_FALSE(form);
  EXPECT_EQ(form.error().code, core::Errc::bad_input);
}

TEST(Multipart, MissingBoundaryIsBadInput) {
  EXPECT_FALSE(parse_multipart("multipart/form-data", "--x\r\n"));
}

}  // namespace
}  // namespace frontline::http
