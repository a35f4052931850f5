// Focus of this file: hardware replacement rules — the required address fields and their order,
// the limits of what people type, and which status may follow which (with the reasons given).
#include "core/replacement.hpp"

#include <gtest/gtest.h>

namespace frontline::core {
namespace {

ShippingAddress complete() {
  ShippingAddress a;
  a.name = "Dana Reyes";
  a.line1 = "12 Main St";
  a.city = "Springfield";
  a.postal_code = "62701";
  a.country = "US";
  a.phone = "+1 217 555 0100";
  return a;
}

Replacement with_status(ReplacementStatus s) {
  Replacement r;
  r.status = s;
  r.address = complete();
  return r;
}

std::vector<std::string> fields_of(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.field);
  return out;
}

TEST(ReplacementAddress, AnEmptyAddressMissesEveryRequiredKeyInOrder) {
  EXPECT_EQ(
      address_missing(ShippingAddress{}),
      (std::vector<std::string_view>{"name", "line1", "city", "postal_code", "country", "phone"}));
}

TEST(ReplacementAddress, PhoneOrEmailSatisfiesTheContactRequirement) {
  auto a = complete();
  EXPECT_TRUE(address_missing(a).empty());
  a.phone.clear();
  EXPECT_EQ(address_missing(a), std::vector<std::string_view>{"phone"});
  a.email = "dana@example.gov";
  EXPECT_TRUE(address_missing(a).empty());
}

TEST(ReplacementAddress, BlankValuesCountAsMissing) {
  auto a = complete();
  a.city = "   ";
  EXPECT_EQ(address_missing(a), std::vector<std::string_view>{"city"});
}

TEST(ReplacementAddress, EveryKeyNamesItsFieldAndUnknownKeysNone) {
  ShippingAddress a;
  for (auto key : kAddressKeys) {
    ASSERT_NE(address_field(a, key), nullptr) << key;
    *address_field(a, key) = std::string(key);
  }
  EXPECT_EQ(a.postal_code, "postal_code");
  EXPECT_EQ(a.organization, "organization");
  EXPECT_EQ(address_field(a, "street"), nullptr);
}

TEST(ReplacementLimits, OneLineFieldsRefuseBreaksControlsBadUtf8AndLength) {
  EXPECT_TRUE(check_one_line("model", "ThinkPad T14 Gen 3", 200));
  EXPECT_FALSE(check_one_line("model", "two\nlines", 200));
  EXPECT_FALSE(check_one_line("model", "tab\there", 200));
  EXPECT_FALSE(check_one_line("model", "\xff", 200));
  EXPECT_TRUE(check_one_line("model", std::string(200, 'x'), 200));
  auto too_long = check_one_line("model", std::string(201, 'x'), 200);
  ASSERT_FALSE(too_long);
  EXPECT_EQ(fields_of(too_long.error()), std::vector<std::string>{"model"});
}

TEST(ReplacementLimits, AddressValuesAreNamedWithTheirKeyAndCountryIsTwoTo56Bytes) {
  auto r = check_address_value("city", std::string(201, 'c'));
  ASSERT_FALSE(r);
  EXPECT_EQ(fields_of(r.error()), std::vector<std::string>{"address.city"});
  EXPECT_FALSE(check_address_value("country", "U"));
  EXPECT_TRUE(check_address_value("country", "US"));
  EXPECT_TRUE(check_address_value("country", std::string(56, 'C')));
  EXPECT_FALSE(check_address_value("country", std::string(57, 'C')));
  EXPECT_TRUE(check_address_value("country", ""));  // unknown yet: confirming asks for it
  EXPECT_FALSE(check_address_value("email", "not an address"));
  EXPECT_TRUE(check_address_value("email", "dana@example.gov"));
}

TEST(ReplacementStatusNames, RoundTripAndUnknownNamesAreRefused) {
  for (auto s :
       {ReplacementStatus::requested, ReplacementStatus::confirmed, ReplacementStatus::shipped,
        ReplacementStatus::delivered, ReplacementStatus::returned, ReplacementStatus::cancelled}) {
    EXPECT_EQ(parse_replacement_status(to_string(s)), s);
  }
  EXPECT_FALSE(parse_replacement_status("lost"));
}

TEST(ReplacementTransitions, TheHappyPathFollowsRequestedConfirmedShippedDeliveredReturned) {
  using enum ReplacementStatus;
  EXPECT_TRUE(check_transition(with_status(requested), confirmed));
  EXPECT_TRUE(check_transition(with_status(confirmed), shipped));
  EXPECT_TRUE(check_transition(with_status(shipped), delivered));
  EXPECT_TRUE(check_transition(with_status(delivered), returned));
}

TEST(ReplacementTransitions, ConfirmingNamesEveryMissingAddressField) {
  Replacement r;
  r.address.name = "Dana";
  r.address.country = "US";
  r.address.email = "dana@example.gov";
  auto refused = check_transition(r, ReplacementStatus::confirmed);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::invalid);
  EXPECT_EQ(fields_of(refused.error()),
            (std::vector<std::string>{"address.line1", "address.city", "address.postal_code"}));
}

TEST(ReplacementTransitions, OnlyARequestedReplacementIsConfirmed) {
  auto again =
      check_transition(with_status(ReplacementStatus::confirmed), ReplacementStatus::confirmed);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Errc::conflict);
}

TEST(ReplacementTransitions, ShippingBeforeConfirmationSaysTheCustomerHasNotConfirmed) {
  auto refused =
      check_transition(with_status(ReplacementStatus::requested), ReplacementStatus::shipped);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::conflict);
  EXPECT_NE(refused.error().message.find("not confirmed"), std::string::npos);
}

TEST(ReplacementTransitions, StepsCannotBeSkippedOrRepeated) {
  using enum ReplacementStatus;
  EXPECT_FALSE(check_transition(with_status(confirmed), delivered));
  EXPECT_FALSE(check_transition(with_status(shipped), returned));
  EXPECT_FALSE(check_transition(with_status(shipped), shipped));
  EXPECT_FALSE(check_transition(with_status(returned), delivered));
  EXPECT_FALSE(check_transition(with_status(confirmed), requested));
}

TEST(ReplacementTransitions, CancellingIsAllowedOnlyBeforeDelivery) {
  using enum ReplacementStatus;
  for (auto s : {requested, confirmed, shipped}) {
    EXPECT_TRUE(check_transition(with_status(s), cancelled)) << to_string(s);
  }
  for (auto s : {delivered, returned, cancelled}) {
    auto refused = check_transition(with_status(s), cancelled);
    ASSERT_FALSE(refused) << to_string(s);
    EXPECT_EQ(refused.error().code, Errc::conflict);
  }
}

TEST(ReplacementTransitions, DetailsChangeOnlyBeforeShippingAndNotOnceCancelled) {
  using enum ReplacementStatus;
  EXPECT_TRUE(check_editable(with_status(requested)));
  EXPECT_TRUE(check_editable(with_status(confirmed)));
  for (auto s : {shipped, delivered, returned, cancelled}) {
    auto refused = check_editable(with_status(s));
    ASSERT_FALSE(refused) << to_string(s);
    EXPECT_EQ(refused.error().code, Errc::conflict);
  }
}

}  // namespace
}  // namespace frontline::core
