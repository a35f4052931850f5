// Focus of this file: the signals instances exchange about presence, typing and staff — each
// kind reads back as written, an instance ignores its own and what it cannot read, viewers on
// several instances count once, and an instance that goes silent is forgotten with its viewers.
#include "http/hub/other_instances.hpp"

#include <gtest/gtest.h>

namespace frontline::http::hub {
namespace {

using Clock = OtherInstances::Clock;

TEST(OtherInstances, EachSignalReadsBackAsWrittenOnAnotherInstance) {
  OtherInstances a("a"), b("b");
  auto presence = b.read(a.presence_signal(42, {{7, "Ann \"A\" Lee"}, {8, "Bo"}}));
  ASSERT_TRUE(presence.has_value());
  EXPECT_EQ(presence->kind, Signal::Kind::presence);
  EXPECT_EQ(presence->from, "a");
  EXPECT_EQ(presence->ticket, 42);
  ASSERT_EQ(presence->viewers.size(), 2u);
  EXPECT_EQ(presence->viewers[0].name, "Ann \"A\" Lee");
  auto typing = b.read(a.typing_signal(42, R"({"type":"typing"})"));
  ASSERT_TRUE(typing.has_value());
  EXPECT_EQ(typing->frame, R"({"type":"typing"})");
  auto chat = b.read(a.chat_typing_signal(5, true, "{}"));
  ASSERT_TRUE(chat.has_value());
  EXPECT_EQ(chat->chat, 5);
  EXPECT_TRUE(chat->staff_only);
  auto staff = b.read(a.staff_signal(3));
  ASSERT_TRUE(staff.has_value());
  EXPECT_EQ(staff->staff, 3u);
}

TEST(OtherInstances, OwnSignalsAndUnreadableOnesAreIgnored) {
  OtherInstances a("a");
  EXPECT_FALSE(a.read(a.staff_signal(1)).has_value());
  EXPECT_FALSE(a.read("not json").has_value());
  EXPECT_FALSE(a.read(R"({"from":"b","kind":"launch"})").has_value());
  EXPECT_FALSE(a.read(R"({"kind":"staff","staff":1})").has_value());
}

TEST(OtherInstances, ViewersOnSeveralInstancesCountOnceAndLeavingEmptiesTheTicket) {
  OtherInstances a("a"), b("b"), here("here");
  const auto now = Clock::now();
  here.remember(*here.read(a.presence_signal(42, {{7, "Ann"}})), now);
  here.remember(*here.read(b.presence_signal(42, {{7, "Ann"}, {8, "Bo"}})), now);
  EXPECT_EQ(here.viewers(42).size(), 2u);
  here.remember(*here.read(b.presence_signal(42, {})), now);  // Bo left, Ann's tab on b too
  ASSERT_EQ(here.viewers(42).size(), 1u);
  EXPECT_EQ(here.viewers(42)[0].id, 7);
  EXPECT_TRUE(here.viewers(43).empty());
}

TEST(OtherInstances, ASilentInstanceIsForgottenWithItsViewersAndStaff) {
  OtherInstances a("a"), here("here");
  const auto start = Clock::now();
  here.remember(*here.read(a.presence_signal(42, {{7, "Ann"}})), start);
  here.remember(*here.read(a.staff_signal(2)), start);
  EXPECT_TRUE(here.staff_elsewhere());
  EXPECT_TRUE(here.forget_silent(start + OtherInstances::kForgetAfter / 2).empty());
  const auto tickets = here.forget_silent(start + OtherInstances::kForgetAfter);
  EXPECT_EQ(tickets, std::vector<core::Id>{42});
  EXPECT_TRUE(here.viewers(42).empty());
  EXPECT_FALSE(here.staff_elsewhere());
}

}  // namespace
}  // namespace frontline::http::hub
