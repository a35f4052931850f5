// Store contract, run against every engine: the leaderboard's credits, rollups and away days.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

class CreditsContract : public StoreContract {};
FRONTLINE_STORE_CONTRACT(CreditsContract);

TEST_P(CreditsContract, CreditsCountInBothRollupsAndARemovedCreditLeavesNoZeroRows) {
  auto agent = user("ana@x.com", core::Role::agent);
  auto requester = user("r@x.com");
  auto a = ticket(requester, "One", 100);
  auto b = ticket(requester, "Two", 100);
  const CreditRecord first{a.number, agent, 20000, 3, "Network", "email"};
  const CreditRecord second{b.number, agent, 20001, 0, "", "phone"};
  db_->write([&](Tx& tx) {
    tx.credits().add_credit(first);
    tx.credits().add_credit(second);
    return true;
  });
  db_->read([&](Tx& tx) {
    auto by_agent = tx.credits().closed_by_agent(20000, 20001);
    ASSERT_EQ(by_agent.size(), 1u);
    EXPECT_EQ(by_agent[0].closed, 2);
    EXPECT_EQ(tx.credits().closed_by_agent(20001, 20001)[0].closed, 1);
    auto teams = tx.credits().closed_grouped(20000, 20001, ClosedGrouping::team);
    ASSERT_EQ(teams.size(), 2u);
    auto categories = tx.credits().closed_grouped(20000, 20000, ClosedGrouping::category);
    ASSERT_EQ(categories.size(), 1u);
    EXPECT_EQ(categories[0].key, "Network");
    EXPECT_EQ(tx.credits().ticket_credit(a.number)->team_id, 3);
  });
  db_->write([&](Tx& tx) {
    tx.credits().remove_credit(first);
    tx.credits().remove_credit(first);  // a second removal changes nothing
    return true;
  });
  db_->read([&](Tx& tx) {
    EXPECT_FALSE(tx.credits().ticket_credit(a.number));
    EXPECT_TRUE(tx.credits().closed_per_day(agent, 20000, 20000).empty());
    EXPECT_TRUE(tx.credits().closed_grouped(20000, 20000, ClosedGrouping::channel).empty());
    auto days = tx.credits().closed_per_day(agent, 19990, 20010);
    ASSERT_EQ(days.size(), 1u);
    EXPECT_EQ(days[0].day, 20001);
  });
}

}  // namespace
}  // namespace frontline::store::contract
