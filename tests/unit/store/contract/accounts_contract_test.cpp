// Store contract, run against every engine: users, tokens and sessions. Focus: emails unique
// ignoring case, lists by id, and that a disabled user, a deleted token or a deleted session
// stops resolving to an Actor at once.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <optional>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

class AccountsContract : public StoreContract {
 protected:
  std::vector<Id> ids(const std::vector<core::User>& users) {
    std::vector<Id> out;
    for (const auto& u : users) out.push_back(u.id);
    return out;
  }
  std::vector<Id> ids(const std::vector<ApiTokenRecord>& tokens) {
    std::vector<Id> out;
    for (const auto& t : tokens) out.push_back(t.id);
    return out;
  }
  void disable(Id user_id) {
    write([&](Tx& tx) {
      auto u = *tx.accounts().user_by_id(user_id);
      u.disabled = true;
      tx.accounts().update_user(u);
    });
  }
};
FRONTLINE_STORE_CONTRACT(AccountsContract);

TEST_P(AccountsContract, TokensAreFoundOnlyByTheirHash) {
  auto u = user("a@x.com", core::Role::agent);
  db_->write([&](Tx& tx) {
    tx.accounts().insert_api_token(u, "hash-abc", "ci", 1);
    return true;
  });
  db_->read([&](Tx& tx) {
    EXPECT_TRUE(tx.accounts().actor_by_token_hash("hash-abc"));
    EXPECT_FALSE(tx.accounts().actor_by_token_hash("hash-abd"));
  });
}

TEST_P(AccountsContract, UserSearchMatchesPartOfNameOrEmail) {
  auto zed = user("Zed.Caller@Example.com");
  user("someone@x.com");
  db_->read([&](Tx& tx) {
    for (const char* q : {"zed.c", "EXAMPLE", "caller@"}) {
      auto found = tx.accounts().list_users(core::Role::customer, q, 10, 0);
      ASSERT_EQ(found.size(), 1u) << q;
      EXPECT_EQ(found[0].id, zed);
    }
    EXPECT_TRUE(tx.accounts().list_users(std::nullopt, "%", 10, 0).empty());
    EXPECT_EQ(tx.accounts().list_users(std::nullopt, "", 10, 0).size(), 2u);
  });
}

TEST_P(AccountsContract, UserRoundTripsAndMissingUsersAreNullopt) {
  const auto org = organization("Acme");
  core::User u;
  u.email = "Dana@Acme.com";
  u.name = "Dana";
  u.role = core::Role::agent;
  u.organization_id = org;
  u.timezone = "Europe/Berlin";
  u.verified = false;
  u.created_at = 1234;
  u.morning_report = false;
  u.ranked = false;
  write([&](Tx& tx) { u.id = tx.accounts().insert_user(u, "pw-hash"); });
  read([&](Tx& tx) {
    auto got = tx.accounts().user_by_id(u.id);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->email, "Dana@Acme.com");
    EXPECT_EQ(got->name, "Dana");
    EXPECT_EQ(got->role, core::Role::agent);
    EXPECT_EQ(got->organization_id, org);
    EXPECT_EQ(got->timezone, "Europe/Berlin");
    EXPECT_FALSE(got->disabled);
    EXPECT_FALSE(got->verified);
    EXPECT_EQ(got->created_at, 1234);
    EXPECT_FALSE(got->morning_report);
    EXPECT_FALSE(got->ranked);
    EXPECT_FALSE(tx.accounts().user_by_id(u.id + 100));
    EXPECT_FALSE(tx.accounts().user_by_email("nobody@acme.com"));
  });
}

TEST_P(AccountsContract, EmailsAreFoundAndUniqueIgnoringCase) {
  auto id = user("Mixed.Case@X.com");
  read([&](Tx& tx) {
    auto found = tx.accounts().user_by_email("mixed.case@x.COM");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, id);
    EXPECT_EQ(found->email, "Mixed.Case@X.com");  // stored as given
  });
  EXPECT_EQ(kind_thrown([&] { user("MIXED.case@x.com"); }), StoreError::Kind::conflict);
  read([&](Tx& tx) { EXPECT_EQ(tx.accounts().list_users(std::nullopt, "", 10, 0).size(), 1u); });
}

TEST_P(AccountsContract, UserListIsByIdFilteredByRoleAndPagedAfterAnId) {
  auto c1 = user("c1@x.com");
  auto a1 = user("a1@x.com", core::Role::agent);
  auto c2 = user("c2@x.com");
  auto ad = user("ad@x.com", core::Role::admin);
  auto c3 = user("c3@x.com");
  read([&](Tx& tx) {
    auto& accounts = tx.accounts();
    EXPECT_EQ(ids(accounts.list_users(std::nullopt, "", 10, 0)),
              (std::vector<Id>{c1, a1, c2, ad, c3}));
    EXPECT_EQ(ids(accounts.list_users(core::Role::customer, "", 10, 0)),
              (std::vector<Id>{c1, c2, c3}));
    EXPECT_EQ(ids(accounts.list_users(core::Role::admin, "", 10, 0)), (std::vector<Id>{ad}));
    EXPECT_EQ(ids(accounts.list_users(std::nullopt, "", 2, 0)), (std::vector<Id>{c1, a1}));
    EXPECT_EQ(ids(accounts.list_users(std::nullopt, "", 2, a1)), (std::vector<Id>{c2, ad}));
    EXPECT_EQ(ids(accounts.list_users(core::Role::customer, "", 10, c2)), (std::vector<Id>{c3}));
    EXPECT_TRUE(accounts.list_users(std::nullopt, "", 10, c3).empty());
  });
}

TEST_P(AccountsContract, UpdateUserChangesProfileButNotPasswordOrCreationTime) {
  auto id = user("old@x.com");
  write([&](Tx& tx) { tx.accounts().set_password_hash(id, "h1"); });
  write([&](Tx& tx) {
    auto u = *tx.accounts().user_by_id(id);
    u.email = "new@x.com";
    u.name = "Renamed";
    u.role = core::Role::agent;
    u.timezone = "Asia/Tokyo";
    u.verified = false;
    u.morning_report = false;
    u.ranked = false;
    u.created_at = 999;  // not written by update_user
    tx.accounts().update_user(u);
  });
  read([&](Tx& tx) {
    auto u = *tx.accounts().user_by_id(id);
    EXPECT_EQ(u.email, "new@x.com");
    EXPECT_EQ(u.name, "Renamed");
    EXPECT_EQ(u.role, core::Role::agent);
    EXPECT_EQ(u.timezone, "Asia/Tokyo");
    EXPECT_FALSE(u.verified);
    EXPECT_FALSE(u.morning_report);
    EXPECT_FALSE(u.ranked);
    EXPECT_EQ(u.created_at, 0);
    EXPECT_EQ(tx.accounts().password_hash(id), "h1");
    EXPECT_FALSE(tx.accounts().user_by_email("old@x.com"));
  });
}

TEST_P(AccountsContract, UpdateUserToAnotherUsersEmailThrows) {
  user("taken@x.com");
  auto id = user("mine@x.com");
  EXPECT_EQ(kind_thrown([&] {
              write([&](Tx& tx) {
                auto u = *tx.accounts().user_by_id(id);
                u.email = "TAKEN@x.com";
                tx.accounts().update_user(u);
              });
            }),
            StoreError::Kind::conflict);
  read([&](Tx& tx) { EXPECT_EQ(tx.accounts().user_by_id(id)->email, "mine@x.com"); });
}

TEST_P(AccountsContract, AnEmptyPasswordHashMeansNoPasswordUntilOneIsSet) {
  auto without = user("nopw@x.com");  // the fixture inserts with ""
  Id with = 0;
  write([&](Tx& tx) {
    core::User u;
    u.email = "pw@x.com";
    u.name = "pw";
    with = tx.accounts().insert_user(u, "argon-1");
  });
  read([&](Tx& tx) {
    EXPECT_FALSE(tx.accounts().password_hash(without));
    EXPECT_EQ(tx.accounts().password_hash(with), "argon-1");
    EXPECT_FALSE(tx.accounts().password_hash(with + 100));
  });
  write([&](Tx& tx) {
    tx.accounts().set_password_hash(without, "argon-2");
    tx.accounts().set_password_hash(with, "argon-3");
  });
  read([&](Tx& tx) {
    EXPECT_EQ(tx.accounts().password_hash(without), "argon-2");
    EXPECT_EQ(tx.accounts().password_hash(with), "argon-3");
  });
}

TEST_P(AccountsContract, ActorCarriesRoleOrganisationAndItsSharingFlag) {
  auto sharing = organization("Sharing", /*share_tickets=*/true);
  auto private_org = organization("Private");
  auto a = user("a@x.com", core::Role::customer, sharing);
  auto b = user("b@x.com", core::Role::customer, private_org);
  auto agent = user("agent@x.com", core::Role::agent);
  read([&](Tx& tx) {
    auto actor = tx.accounts().actor_by_user_id(a);
    ASSERT_TRUE(actor);
    EXPECT_EQ(actor->id, a);
    EXPECT_EQ(actor->role, core::Role::customer);
    EXPECT_EQ(actor->organization_id, sharing);
    EXPECT_TRUE(actor->organization_shares_tickets);
    EXPECT_EQ(actor->email, "a@x.com");
    EXPECT_EQ(actor->name, "a");
    EXPECT_FALSE(tx.accounts().actor_by_user_id(b)->organization_shares_tickets);
    auto staff = tx.accounts().actor_by_user_id(agent);
    ASSERT_TRUE(staff);
    EXPECT_EQ(staff->role, core::Role::agent);
    EXPECT_FALSE(staff->organization_id);
    EXPECT_FALSE(staff->organization_shares_tickets);
    EXPECT_FALSE(tx.accounts().actor_by_user_id(agent + 100));
  });
}

TEST_P(AccountsContract, ADisabledUserHasNoActorByIdTokenOrSession) {
  auto u = user("gone@x.com", core::Role::agent);
  write([&](Tx& tx) {
    tx.accounts().insert_api_token(u, "token-hash", "ci", 10);
    tx.accounts().insert_session("session-hash", u, "csrf", 1000);
  });
  read([&](Tx& tx) {
    EXPECT_TRUE(tx.accounts().actor_by_user_id(u));
    EXPECT_TRUE(tx.accounts().actor_by_token_hash("token-hash"));
    EXPECT_TRUE(tx.accounts().session_by_hash("session-hash"));
  });
  disable(u);
  read([&](Tx& tx) {
    EXPECT_FALSE(tx.accounts().actor_by_user_id(u));
    EXPECT_FALSE(tx.accounts().actor_by_token_hash("token-hash"));
    EXPECT_FALSE(tx.accounts().session_by_hash("session-hash"));
    EXPECT_TRUE(tx.accounts().user_by_id(u)->disabled);  // the user row itself stays
  });
}

TEST_P(AccountsContract, StaffAreAgentsAndAdminsByIdDisabledIncluded) {
  user("c@x.com");
  auto admin = user("admin@x.com", core::Role::admin);
  user("c2@x.com");
  auto agent = user("agent@x.com", core::Role::agent);
  auto off = user("off@x.com", core::Role::agent);
  disable(off);
  read([&](Tx& tx) {
    EXPECT_EQ(ids(tx.accounts().list_staff()), (std::vector<Id>{admin, agent, off}));
  });
}

TEST_P(AccountsContract, ApiTokensListByIdPerUserOrAllAndDeletedOnesStopResolving) {
  auto ana = user("ana@x.com", core::Role::agent);
  auto bo = user("bo@x.com", core::Role::admin);
  Id t1 = 0, t2 = 0, t3 = 0;
  write([&](Tx& tx) {
    t1 = tx.accounts().insert_api_token(ana, "h1", "ci", 100);
    t2 = tx.accounts().insert_api_token(bo, "h2", "backup", 200);
    t3 = tx.accounts().insert_api_token(ana, "h3", "laptop", 300);
  });
  read([&](Tx& tx) {
    auto all = tx.accounts().list_api_tokens(std::nullopt);
    EXPECT_EQ(ids(all), (std::vector<Id>{t1, t2, t3}));
    auto anas = tx.accounts().list_api_tokens(ana);
    ASSERT_EQ(ids(anas), (std::vector<Id>{t1, t3}));
    EXPECT_EQ(anas[1].user_id, ana);
    EXPECT_EQ(anas[1].name, "laptop");
    EXPECT_EQ(anas[1].created_at, 300);
    EXPECT_TRUE(tx.accounts().list_api_tokens(bo + 100).empty());
    auto actor = tx.accounts().actor_by_token_hash("h2");
    ASSERT_TRUE(actor);
    EXPECT_EQ(actor->id, bo);
    EXPECT_EQ(actor->role, core::Role::admin);
  });
  write([&](Tx& tx) {
    EXPECT_TRUE(tx.accounts().delete_api_token(t1));
    EXPECT_FALSE(tx.accounts().delete_api_token(t1));  // already gone
    EXPECT_FALSE(tx.accounts().delete_api_token(t3 + 100));
  });
  read([&](Tx& tx) {
    EXPECT_FALSE(tx.accounts().actor_by_token_hash("h1"));
    EXPECT_TRUE(tx.accounts().actor_by_token_hash("h3"));
    EXPECT_EQ(ids(tx.accounts().list_api_tokens(ana)), (std::vector<Id>{t3}));
  });
}

TEST_P(AccountsContract, TokenUseIsRecordedByHashAndNeverMovesBackwards) {
  auto u = user("a@x.com", core::Role::agent);
  Id used = 0, idle = 0;
  write([&](Tx& tx) {
    used = tx.accounts().insert_api_token(u, "h-used", "ci", 1);
    idle = tx.accounts().insert_api_token(u, "h-idle", "laptop", 2);
  });
  read([&](Tx& tx) {
    for (const auto& t : tx.accounts().list_api_tokens(u)) EXPECT_FALSE(t.last_used_at);
  });
  write([&](Tx& tx) { tx.accounts().record_api_token_use({{"h-used", 500}, {"h-unknown", 600}}); });
  write([&](Tx& tx) { tx.accounts().record_api_token_use({{"h-used", 400}}); });  // older
  read([&](Tx& tx) {
    auto tokens = tx.accounts().list_api_tokens(u);
    ASSERT_EQ(ids(tokens), (std::vector<Id>{used, idle}));
    EXPECT_EQ(tokens[0].last_used_at, std::optional<core::UnixTime>(500));
    EXPECT_FALSE(tokens[1].last_used_at);
  });
}

TEST_P(AccountsContract, AnInvitationWorksOnceAndANewOneReplacesTheOld) {
  auto u = user("new@x.com", core::Role::agent);
  auto admin = user("boss@x.com", core::Role::admin);
  write([&](Tx& tx) { tx.accounts().replace_invitation(u, "inv-1", admin, 100, 700); });
  read([&](Tx& tx) {
    auto inv = tx.accounts().invitation_by_hash("inv-1");
    ASSERT_TRUE(inv);
    EXPECT_EQ(inv->user_id, u);
    EXPECT_EQ(inv->expires_at, 700);
    EXPECT_FALSE(inv->used_at);
    EXPECT_TRUE(tx.accounts().user_by_id(u)->invited);
    EXPECT_FALSE(tx.accounts().user_by_id(admin)->invited);
  });
  write([&](Tx& tx) { tx.accounts().replace_invitation(u, "inv-2", admin, 200, 800); });
  read([&](Tx& tx) { EXPECT_FALSE(tx.accounts().invitation_by_hash("inv-1")); });
  write([&](Tx& tx) {
    EXPECT_TRUE(tx.accounts().use_invitation("inv-2", 300));
    EXPECT_FALSE(tx.accounts().use_invitation("inv-2", 301));  // once
    EXPECT_FALSE(tx.accounts().use_invitation("inv-1", 302));  // replaced
  });
  read([&](Tx& tx) {
    EXPECT_EQ(tx.accounts().invitation_by_hash("inv-2")->used_at,
              std::optional<core::UnixTime>(300));
    EXPECT_FALSE(tx.accounts().user_by_id(u)->invited);
    auto listed = tx.accounts().list_users(std::nullopt, "new@", 10, 0);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_FALSE(listed[0].invited);
  });
}

TEST_P(AccountsContract, ATokenHashIsUnique) {
  auto u = user("a@x.com", core::Role::agent);
  write([&](Tx& tx) { tx.accounts().insert_api_token(u, "same", "one", 1); });
  EXPECT_EQ(kind_thrown([&] {
              write([&](Tx& tx) { tx.accounts().insert_api_token(u, "same", "two", 2); });
            }),
            StoreError::Kind::conflict);
}

TEST_P(AccountsContract, SessionsResolveWithTheirCsrfTokenAndExpiryUntilDeleted) {
  auto u = user("s@x.com");
  write([&](Tx& tx) {
    tx.accounts().insert_session("s-1", u, "csrf-1", 5000);
    tx.accounts().insert_session("s-2", u, "csrf-2", 10);  // expired: the caller's to judge
  });
  read([&](Tx& tx) {
    auto s = tx.accounts().session_by_hash("s-1");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->actor.id, u);
    EXPECT_EQ(s->actor.email, "s@x.com");
    EXPECT_EQ(s->csrf_token, "csrf-1");
    EXPECT_EQ(s->expires_at, 5000);
    auto old = tx.accounts().session_by_hash("s-2");
    ASSERT_TRUE(old);
    EXPECT_EQ(old->expires_at, 10);
    EXPECT_FALSE(tx.accounts().session_by_hash("s-3"));
  });
  write([&](Tx& tx) {
    tx.accounts().delete_session("s-1");
    tx.accounts().delete_session("s-1");  // deleting a missing session changes nothing
  });
  read([&](Tx& tx) {
    EXPECT_FALSE(tx.accounts().session_by_hash("s-1"));
    EXPECT_TRUE(tx.accounts().session_by_hash("s-2"));
  });
}

TEST_P(AccountsContract, DeletingAUsersSessionsLeavesOtherUsersSignedIn) {
  auto a = user("a@x.com");
  auto b = user("b@x.com");
  write([&](Tx& tx) {
    tx.accounts().insert_session("a-1", a, "c", 100);
    tx.accounts().insert_session("a-2", a, "c", 100);
    tx.accounts().insert_session("b-1", b, "c", 100);
  });
  write([&](Tx& tx) { tx.accounts().delete_sessions_of(a); });
  read([&](Tx& tx) {
    EXPECT_FALSE(tx.accounts().session_by_hash("a-1"));
    EXPECT_FALSE(tx.accounts().session_by_hash("a-2"));
    EXPECT_TRUE(tx.accounts().session_by_hash("b-1"));
  });
}

}  // namespace
}  // namespace frontline::store::contract
