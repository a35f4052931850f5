// Store contract, run against every engine: users, tokens and sessions.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

class AccountsContract : public StoreContract {};
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

}  // namespace
}  // namespace frontline::store::contract
