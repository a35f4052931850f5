// Focus of this file: inviting people — the account has no password until the link is used,
// the link goes out by mail, works once, expires, and a new link replaces the old; only admins
// invite. On the database that runs every write unit twice.
#include "app/invitations.hpp"

#include <gtest/gtest.h>

#include "../test_support.hpp"

namespace frontline::app {
namespace {

class InvitationsTest : public ::testing::Test {
 protected:
  InvitationsTest()
      : accounts_(*app_.ctx),
        auth_(*app_.ctx),
        invitations_(*app_.ctx, accounts_, auth_, {"https://help.example.com/", {}, 7}),
        admin_(app_.make_user("boss@x.com", core::Role::admin)) {}

  static std::string token_of(const Invitation& inv) {
    return inv.link.substr(inv.link.find("token=") + 6);
  }

  Invitation invite(const std::string& email) {
    NewUser in;
    in.email = email;
    in.name = "Nia New";
    in.role = core::Role::agent;
    in.password = "ignored-password";
    auto inv = invitations_.invite(admin_, in);
    EXPECT_TRUE(inv) << (inv ? "" : inv.error().message);
    return *inv;
  }

  testing::TestApp app_;
  Accounts accounts_;
  Auth auth_;
  Invitations invitations_;
  core::Actor admin_;
};

TEST_F(InvitationsTest, AnInvitedAccountHasNoPasswordAndTheLinkGoesOutByMail) {
  auto inv = invite("nia@x.com");
  EXPECT_EQ(inv.link.rfind("https://help.example.com/welcome?token=fli_", 0), 0u) << inv.link;
  EXPECT_EQ(inv.expires_at, app_.clock.now() + 7 * 86400);
  EXPECT_TRUE(inv.user.invited);
  app_.db->read([&](store::Tx& tx) {
    EXPECT_FALSE(tx.accounts().password_hash(inv.user.id));
    EXPECT_TRUE(tx.accounts().user_by_id(inv.user.id)->invited);
    auto mail = tx.mail().due_outbound_mail(app_.clock.now(), 10);
    ASSERT_EQ(mail.size(), 1u);  // once, though the unit ran twice
    EXPECT_EQ(mail[0].recipient, "nia@x.com");
    EXPECT_EQ(mail[0].kind, "invitation");
    EXPECT_NE(mail[0].body.find(inv.link), std::string::npos);
    EXPECT_NE(mail[0].html.find(inv.link), std::string::npos);
  });
  auto signin = auth_.login("nia@x.com", "ignored-password", "10.0.0.1");
  EXPECT_FALSE(signin && signin->session);  // the password in the request was not set
}

TEST_F(InvitationsTest, TheLinkSetsThePasswordAndSignsInOnce) {
  auto inv = invite("nia@x.com");
  auto view = invitations_.check(token_of(inv));
  ASSERT_TRUE(view);
  EXPECT_EQ(view->email, "nia@x.com");
  EXPECT_EQ(view->name, "Nia New");
  auto short_password = invitations_.accept(token_of(inv), "short");
  ASSERT_FALSE(short_password);
  EXPECT_EQ(short_password.error().fields.at(0).field, "password");
  auto session = invitations_.accept(token_of(inv), "a long new password");
  ASSERT_TRUE(session) << session.error().message;
  EXPECT_EQ(session->actor.email, "nia@x.com");
  EXPECT_TRUE(auth_.session(session->token));
  auto again = invitations_.accept(token_of(inv), "another password");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::Errc::not_found);
  auto signin = auth_.login("nia@x.com", "a long new password", "10.0.0.1");
  EXPECT_TRUE(signin && signin->session);
}

TEST_F(InvitationsTest, AnExpiredLinkIsGoneAndANewLinkReplacesTheOld) {
  auto first = invite("nia@x.com");
  app_.clock.advance(7 * 86400);
  auto expired = invitations_.check(token_of(first));
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().code, core::Errc::gone);
  auto second = invitations_.reissue(admin_, first.user.id);
  ASSERT_TRUE(second);
  EXPECT_NE(token_of(*second), token_of(first));
  EXPECT_EQ(invitations_.check(token_of(first)).error().code, core::Errc::not_found);
  EXPECT_TRUE(invitations_.check(token_of(*second)));
  EXPECT_EQ(invitations_.check("fli_mistyped").error().code, core::Errc::not_found);
}

TEST_F(InvitationsTest, OnlyAdminsInviteAndAnEmailInUseIsAConflict) {
  auto tech = app_.make_user("tech@x.com", core::Role::agent);
  NewUser in;
  in.email = "someone@x.com";
  in.name = "Someone";
  auto refused = invitations_.invite(tech, in);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::Errc::forbidden);
  EXPECT_EQ(invitations_.reissue(tech, tech.id).error().code, core::Errc::forbidden);
  in.email = "tech@x.com";
  auto taken = invitations_.invite(admin_, in);
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, core::Errc::conflict);
}

}  // namespace
}  // namespace frontline::app
