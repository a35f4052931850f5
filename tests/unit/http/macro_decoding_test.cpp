// Focus of this file: decoding macro and bulk-action requests — nested "changes" read with the
// same strictness as a PATCH (an unknown field inside is named), "assign_to_me" against an
// explicit assignee, scopes, reply kinds, and the per-ticket versions of a bulk request.
#include <gtest/gtest.h>

#include "http/request_decoding.hpp"

namespace frontline::http {
namespace {

TEST(MacroDecoding, ReadsScopeChangesAndReply) {
  auto m = decode_macro(
      R"({"name":"Esc","scope":"shared","changes":{"priority":"urgent","assign_to_me":true,)"
      R"("team_id":null,"add_tags":["vip"]},"reply":"Hi {{recipient_name}}","reply_kind":"internal"})");
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_TRUE(m->shared);
  EXPECT_EQ(m->macro.priority, core::Priority::urgent);
  EXPECT_TRUE(m->macro.assign_to_me);
  ASSERT_TRUE(m->macro.team_id.has_value());
  EXPECT_FALSE(m->macro.team_id->has_value());
  EXPECT_EQ(m->macro.add_tags, std::vector<std::string>{"vip"});
  EXPECT_TRUE(m->macro.reply_internal);
}

TEST(MacroDecoding, PersonalIsTheDefaultScope) {
  auto m = decode_macro(R"({"name":"Mine"})");
  ASSERT_TRUE(m);
  EXPECT_FALSE(m->shared);
  EXPECT_FALSE(m->macro.reply_internal);
}

TEST(MacroDecoding, UnknownFieldInsideChangesIsNamed) {
  auto m = decode_macro(R"({"name":"x","changes":{"colour":"red"}})");
  ASSERT_FALSE(m);
  ASSERT_EQ(m.error().fields.size(), 1u);
  EXPECT_EQ(m.error().fields[0].field, "colour");
}

TEST(MacroDecoding, AssignToMeAndAnAssigneeTogetherAreRefused) {
  auto m = decode_macro(R"({"name":"x","changes":{"assign_to_me":true,"assignee_id":3}})");
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().fields[0].field, "assign_to_me");
}

TEST(MacroDecoding, WholeTagSetIsNotAMacroChange) {
  auto m = decode_macro(R"({"name":"x","changes":{"tags":["a"]}})");
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().fields[0].field, "tags");
}

TEST(BulkDecoding, ReadsNumbersChangesAndVersions) {
  auto b = decode_bulk_request(
      R"({"numbers":[4,5],"changes":{"status":"pending","add_tags":["x"]},"versions":{"5":7}})");
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(b->numbers, (std::vector<core::Id>{4, 5}));
  ASSERT_TRUE(b->changes);
  EXPECT_EQ(b->changes->status, core::Status::pending);
  EXPECT_EQ(b->changes->add_tags, std::vector<std::string>{"x"});
  EXPECT_EQ(b->versions.at(5), 7);
  EXPECT_FALSE(b->merge_into);
}

TEST(BulkDecoding, VersionsMustMapTicketNumbersToPositiveVersions) {
  EXPECT_FALSE(decode_bulk_request(R"({"numbers":[1],"merge_into":2,"versions":{"abc":1}})"));
  EXPECT_FALSE(decode_bulk_request(R"({"numbers":[1],"merge_into":2,"versions":{"1":"3"}})"));
}

}  // namespace
}  // namespace frontline::http
