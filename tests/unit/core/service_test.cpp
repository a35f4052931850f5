// Focus of this file: the service directory's pure rules — host normalisation for URL lookup
// (scheme, www., case, port, user info, paths; linear on hostile input), when a contact is due
// for review, why a service is an orphan, and the packed call tree.
#include "core/service.hpp"

#include <gtest/gtest.h>

#include "../time_growth.hpp"

namespace frontline::core {
namespace {

constexpr UnixTime kDay = 86400;

TEST(NormaliseHost, DropsSchemeWwwCasePortPathQueryAndUserInfo) {
  EXPECT_EQ(normalise_host("https://www.Records.Example.GOV:8443/a/b/c?x=1#top"),
            "records.example.gov");
  EXPECT_EQ(normalise_host("records.example.gov"), "records.example.gov");
  EXPECT_EQ(normalise_host("WWW.records.example.gov/login"), "records.example.gov");
  EXPECT_EQ(normalise_host("  http://user:secret@records.example.gov.  "), "records.example.gov");
  EXPECT_EQ(normalise_host("//records.example.gov/path"), "records.example.gov");
  EXPECT_EQ(normalise_host("ftp://files.example.org"), "files.example.org");
  EXPECT_EQ(normalise_host("http://[2001:DB8::1]:8080/x"), "[2001:db8::1]");
}

TEST(NormaliseHost, KeepsHostsThatOnlyStartWithWwwOrAreWwwAlone) {
  EXPECT_EQ(normalise_host("wwwhat.example.com"), "wwwhat.example.com");
  EXPECT_EQ(normalise_host("www."), "www");
  EXPECT_EQ(normalise_host("https://www2.example.com"), "www2.example.com");
}

TEST(NormaliseHost, AnswersEmptyForWhatHasNoPlausibleHost) {
  EXPECT_EQ(normalise_host(""), "");
  EXPECT_EQ(normalise_host("   "), "");
  EXPECT_EQ(normalise_host("not a url at all"), "");
  EXPECT_EQ(normalise_host("https://"), "");
  EXPECT_EQ(normalise_host("example.com:port"), "");
  EXPECT_EQ(normalise_host("http://[::1"), "");
  EXPECT_EQ(normalise_host("http://[ ]/"), "");
  EXPECT_EQ(normalise_host("[]"), "");
  EXPECT_EQ(normalise_host(".example.com"), "");
}

TEST(NormaliseHost, TakesTimeLinearInTheInput) {
  auto g = testing::measure_growth([](std::size_t n) { return testing::repeat("www.ab-", n); },
                                   [](const std::string& in) { (void)normalise_host(in); });
  testing::expect_linear_growth(g, "normalise_host");
}

ServiceContact contact(UnixTime created_at, int interval_days) {
  ServiceContact c;
  c.value = "+1 555 0100";
  c.created_at = created_at;
  c.review_interval_days = interval_days;
  return c;
}

TEST(ContactReview, ANeverVerifiedContactIsDueOneIntervalAfterItWasAdded) {
  auto c = contact(1000, 30);
  EXPECT_EQ(review_due_at(c), 1000 + 30 * kDay);
  EXPECT_FALSE(is_overdue(c, 1000 + 30 * kDay));
  EXPECT_TRUE(is_overdue(c, 1000 + 30 * kDay + 1));
}

TEST(ContactReview, VerificationStartsTheIntervalAgain) {
  auto c = contact(1000, 30);
  c.last_verified_at = 1000 + 40 * kDay;
  EXPECT_EQ(review_due_at(c), 1000 + 70 * kDay);
  EXPECT_FALSE(is_overdue(c, 1000 + 50 * kDay));
  EXPECT_TRUE(is_overdue(c, 1000 + 71 * kDay));
}

Service reachable(UnixTime now) {
  Service s;
  s.team_id = 7;
  s.contacts = {contact(now, 30)};
  return s;
}

TEST(OrphanReason, AServiceWithATeamMemberAndAFreshContactIsNoOrphan) {
  EXPECT_FALSE(orphan_reason(reachable(1000), 1, 1000));
}

TEST(OrphanReason, NoContactOrOnlyInactiveOnesMeansNoActiveContact) {
  auto s = reachable(1000);
  s.contacts.clear();
  EXPECT_EQ(orphan_reason(s, 1, 1000), OrphanReason::no_active_contact);
  s = reachable(1000);
  s.contacts[0].active = false;
  EXPECT_EQ(orphan_reason(s, 1, 1000), OrphanReason::no_active_contact);
}

TEST(OrphanReason, AMissingOrGoneTeamOrOneWithoutMembers) {
  auto s = reachable(1000);
  s.team_id.reset();
  EXPECT_EQ(orphan_reason(s, std::nullopt, 1000), OrphanReason::no_team);
  s = reachable(1000);
  EXPECT_EQ(orphan_reason(s, std::nullopt, 1000), OrphanReason::no_team);  // team deleted
  EXPECT_EQ(orphan_reason(s, 0, 1000), OrphanReason::team_without_members);
}

TEST(OrphanReason, EveryActiveContactOverdueButOneCurrentOneIsEnough) {
  auto s = reachable(1000);
  s.contacts.push_back(contact(1000, 90));
  const UnixTime after_first = 1000 + 31 * kDay;
  EXPECT_FALSE(orphan_reason(s, 1, after_first));  // the 90-day one is still current
  const UnixTime after_both = 1000 + 91 * kDay;
  EXPECT_EQ(orphan_reason(s, 1, after_both), OrphanReason::all_contacts_overdue);
  // An inactive contact's review date does not keep the service reachable.
  s.contacts[1].active = false;
  EXPECT_EQ(orphan_reason(s, 1, after_first), OrphanReason::all_contacts_overdue);
}

TEST(CallTree, PacksAndUnpacksStepsIncludingEmptyPressesAndNewlines) {
  std::vector<CallTreeStep> steps{{"2", "database team"}, {"", "wait\nfor the tone"}, {"#", ""}};
  EXPECT_EQ(unpack_call_tree(pack_call_tree(steps)), steps);
  EXPECT_TRUE(unpack_call_tree(pack_call_tree({})).empty());
  EXPECT_EQ(unpack_call_tree("plain text"), (std::vector<CallTreeStep>{{"", "plain text"}}));
}

TEST(ContactKinds, WireNamesRoundTripAndUnknownOnesAreRefused) {
  for (auto k : {ContactKind::phone, ContactKind::email, ContactKind::web}) {
    EXPECT_EQ(parse_contact_kind(to_string(k)), k);
  }
  EXPECT_FALSE(parse_contact_kind("fax"));
  EXPECT_EQ(parse_verification_result("no_answer"), VerificationResult::no_answer);
  EXPECT_EQ(parse_verification_method("web_form"), VerificationMethod::web_form);
  EXPECT_FALSE(parse_verification_method("shouted"));
}

}  // namespace
}  // namespace frontline::core
