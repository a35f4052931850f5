// Focus of this file: sign-in, throttling, sessions and tokens stored only as hashes.
#include "app/auth.hpp"

#include <gtest/gtest.h>

#include "../test_support.hpp"
#include "app/credentials.hpp"

namespace frontline::app {
namespace {

class AuthTest : public ::testing::Test {
 protected:
  AuthTest() : auth_(*app_.ctx) {
    Accounts accounts(*app_.ctx);
    auto u = accounts.create_user(system_actor(), {"tech@x.com", "Tech", core::Role::agent,
                                                   "correct horse", std::nullopt, "UTC"});
    EXPECT_TRUE(u);
  }
  testing::TestApp app_;
  Auth auth_;
};

TEST_F(AuthTest, PasswordsAreStoredAsArgon2id) {
  app_.db->read([&](store::Tx& tx) {
    auto hash = tx.accounts().password_hash(tx.accounts().user_by_email("tech@x.com")->id);
    ASSERT_TRUE(hash);
    EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  });
}

TEST_F(AuthTest, LoginWithRightPasswordGivesASessionThatResolves) {
  auto signin = auth_.login("TECH@x.com", "correct horse", "10.0.0.1");
  ASSERT_TRUE(signin && signin->session);
  auto& s = signin->session;
  auto resolved = auth_.session(s->token);
  ASSERT_TRUE(resolved);
  EXPECT_EQ(resolved->actor.email, "tech@x.com");
  EXPECT_EQ(resolved->csrf_token, s->csrf_token);
  ASSERT_TRUE(auth_.logout(s->token));
  EXPECT_FALSE(auth_.session(s->token));
}

TEST_F(AuthTest, WrongPasswordAndUnknownEmailGiveTheSameError) {
  auto wrong = auth_.login("tech@x.com", "nope", "10.0.0.1");
  auto unknown = auth_.login("ghost@x.com", "nope", "10.0.0.2");
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
}

TEST_F(AuthTest, RepeatedFailuresFromOneAddressAreRefusedThereUntilTheDelayPasses) {
  for (int i = 0; i < LoginThrottle::kFreeFailures; ++i) {
    EXPECT_EQ(auth_.login("tech@x.com", "bad", "10.0.0.1").error().code,
              core::Errc::unauthenticated);
  }
  auto blocked = auth_.login("tech@x.com", "correct horse", "10.0.0.1");
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().code, core::Errc::throttled);
  EXPECT_EQ(blocked.error().retry_after_seconds, LoginThrottle::kFirstDelaySeconds);
  app_.clock.advance(LoginThrottle::kFirstDelaySeconds);
  auto later = auth_.login("tech@x.com", "correct horse", "10.0.0.1");
  EXPECT_TRUE(later && later->session);
}

// The hole this closes: five failures "from anywhere" used to answer the victim's right
// password with 429 for 15 minutes.
TEST_F(AuthTest, SomeoneElsesFailuresNeverRefuseTheRightPasswordFromACleanAddress) {
  for (int i = 0; i < 2 * LoginThrottle::kAccountFailures; ++i) {
    auto attempt = auth_.login("tech@x.com", "bad", "10.0.1." + std::to_string(i % 5));
    ASSERT_FALSE(attempt && attempt->session);
  }
  auto signin = auth_.login("tech@x.com", "correct horse", "192.0.2.7");
  ASSERT_TRUE(signin) << signin.error().message;
  if (!signin->session) {  // slowed: the account is being guessed at; try after the wait
    EXPECT_GT(signin->wait_seconds, 0);
    signin = auth_.login("tech@x.com", "correct horse", "192.0.2.7", /*waited=*/true);
    ASSERT_TRUE(signin);
  }
  EXPECT_TRUE(signin->session);
}

TEST_F(AuthTest, AnAccountGuessedAtFromManyAddressesIsSlowedForEveryone) {
  for (int i = 0; i < LoginThrottle::kAccountFailures; ++i) {
    ASSERT_FALSE(auth_.login("tech@x.com", "bad", "10.0.2." + std::to_string(i)));
  }
  auto first = auth_.login("tech@x.com", "correct horse", "192.0.2.8");
  auto second = auth_.login("tech@x.com", "correct horse", "192.0.2.9");
  ASSERT_TRUE(first && second);
  // One attempt per slot: the first goes now, the second waits for the next slot.
  EXPECT_TRUE(first->session);
  EXPECT_FALSE(second->session);
  EXPECT_EQ(second->wait_seconds, LoginThrottle::kAccountSlotSeconds);
}

TEST_F(AuthTest, FailuresForOneAccountDoNotLockOtherAccountsBehindTheSameAddress) {
  Accounts accounts(*app_.ctx);
  ASSERT_TRUE(accounts.create_user(
      system_actor(),
      {"colleague@x.com", "Colleague", core::Role::agent, "battery staple", std::nullopt, "UTC"}));
  for (int i = 0; i < LoginThrottle::kFreeFailures + 1; ++i) {
    ASSERT_FALSE(auth_.login("tech@x.com", "bad", "203.0.113.1"));
  }
  auto colleague = auth_.login("colleague@x.com", "battery staple", "203.0.113.1");
  ASSERT_TRUE(colleague) << colleague.error().message;
  EXPECT_TRUE(colleague->session);
}

TEST_F(AuthTest, ApiTokenResolvesAndOnlyItsHashIsStored) {
  auto token = auth_.issue_token(system_actor(), "tech@x.com", "ci");
  ASSERT_TRUE(token);
  EXPECT_TRUE(auth_.bearer(*token));
  EXPECT_FALSE(auth_.bearer(*token + "x"));
  app_.db->read([&](store::Tx& tx) {
    EXPECT_FALSE(tx.accounts().actor_by_token_hash(*token));
    EXPECT_TRUE(tx.accounts().actor_by_token_hash(token_hash(*token)));
  });
}

TEST_F(AuthTest, ATokensLastUseIsWrittenWhenFlushedNotWhileAnswering) {
  auto token = auth_.issue_token(system_actor(), "tech@x.com", "ci");
  ASSERT_TRUE(token);
  auto last_used = [&] {
    auto tokens = auth_.tokens(system_actor());
    EXPECT_TRUE(tokens && tokens->size() == 1u);
    return tokens->at(0).last_used_at;
  };
  ASSERT_TRUE(auth_.bearer(*token));
  EXPECT_FALSE(last_used());  // nothing written on the read path
  app_.clock.advance(30);
  ASSERT_TRUE(auth_.bearer(*token));
  ASSERT_TRUE(auth_.flush_token_use());
  EXPECT_EQ(last_used(), std::optional<core::UnixTime>(app_.clock.now()));
  EXPECT_FALSE(auth_.bearer(*token + "x"));  // a failed use records nothing
  ASSERT_TRUE(auth_.flush_token_use());
  EXPECT_EQ(last_used(), std::optional<core::UnixTime>(app_.clock.now()));
}

TEST_F(AuthTest, RevokedTokenNoLongerResolvesAndOthersCannotRevokeIt) {
  Accounts accounts(*app_.ctx);
  auto other = accounts.create_user(
      system_actor(), {"other@x.com", "Other", core::Role::agent, "", std::nullopt, "UTC"});
  ASSERT_TRUE(other);
  auto token = auth_.issue_token(system_actor(), "tech@x.com", "ci");
  ASSERT_TRUE(token);
  auto tech = *auth_.bearer(*token);
  auto listed = auth_.tokens(tech);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  core::Actor stranger;
  stranger.id = other->id;
  stranger.role = core::Role::agent;
  EXPECT_EQ(auth_.revoke_token(stranger, listed->at(0).id).error().code, core::Errc::not_found);
  EXPECT_TRUE(auth_.bearer(*token));
  ASSERT_TRUE(auth_.revoke_token(tech, listed->at(0).id));
  EXPECT_FALSE(auth_.bearer(*token));
}

TEST_F(AuthTest, DisabledUserLosesSessionsAndTokens) {
  auto token = auth_.issue_token(system_actor(), "tech@x.com", "ci");
  auto signin = auth_.login("tech@x.com", "correct horse", "10.0.0.1");
  ASSERT_TRUE(token && signin && signin->session);
  auto& s = signin->session;
  Accounts accounts(*app_.ctx);
  UserChanges off;
  off.disabled = true;
  ASSERT_TRUE(accounts.update_user(system_actor(), s->actor.id, off));
  EXPECT_FALSE(auth_.bearer(*token));
  EXPECT_FALSE(auth_.session(s->token));
}

}  // namespace
}  // namespace frontline::app
