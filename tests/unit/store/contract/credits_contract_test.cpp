// Store contract, run against every engine: the leaderboard's credits, rollups and away days.
// Focus: the rollups equal the sum of the credits after any adds and removes (checked against a
// recount for every grouping), empty rows are gone, and away days are a set per person.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <set>

#include "store_contract.hpp"

namespace frontline::store::contract {
namespace {

class CreditsContract : public StoreContract {
 protected:
  void add(const CreditRecord& c) {
    write([&](Tx& tx) { tx.credits().add_credit(c); });
  }
  std::vector<ClosedGroup> grouped(std::int32_t from, std::int32_t to, ClosedGrouping by) {
    std::vector<ClosedGroup> out;
    read([&](Tx& tx) { out = tx.credits().closed_grouped(from, to, by); });
    return out;
  }
  static std::map<std::string, std::int64_t> as_map(const std::vector<ClosedGroup>& groups) {
    std::map<std::string, std::int64_t> out;
    for (const auto& g : groups) out[g.key] += g.closed;
    return out;
  }
  static std::string key_of(const CreditRecord& c, ClosedGrouping by) {
    switch (by) {
      case ClosedGrouping::agent:
        return std::to_string(c.agent_id);
      case ClosedGrouping::team:
        return std::to_string(c.team_id);
      case ClosedGrouping::day:
        return std::to_string(c.day);
      case ClosedGrouping::category:
        return c.category;
      case ClosedGrouping::channel:
        return c.channel;
    }
    return "";
  }
};
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

TEST_P(CreditsContract, ATicketHoldsAtMostOneCreditAndASecondLeavesTheRollupsAlone) {
  auto agent = user("ana@x.com", core::Role::agent);
  auto t = ticket(user("r@x.com"), "One", 100);
  add({t.number, agent, 20000, 0, "Network", "email"});
  EXPECT_EQ(kind_thrown([&] {
              add({t.number, agent, 20001, 0, "Network", "email"});
            }),
            StoreError::Kind::conflict);
  read([&](Tx& tx) {
    EXPECT_EQ(tx.credits().ticket_credit(t.number)->day, 20000);
    EXPECT_FALSE(tx.credits().ticket_credit(t.number + 100));
    auto by_agent = tx.credits().closed_by_agent(19000, 21000);
    ASSERT_EQ(by_agent.size(), 1u);
    EXPECT_EQ(by_agent[0].agent_id, agent);
    EXPECT_EQ(by_agent[0].closed, 1);
  });
}

TEST_P(CreditsContract, ClosedPerDayIsOneTechniciansDaysInOrderWithinTheRange) {
  auto ana = user("ana@x.com", core::Role::agent);
  auto bo = user("bo@x.com", core::Role::agent);
  auto r = user("r@x.com");
  const std::vector<std::pair<Id, std::int32_t>> closes{{ana, 20005}, {ana, 20001}, {ana, 20005},
                                                        {bo, 20003},  {ana, 20003}, {ana, 20009}};
  for (const auto& [agent, day] : closes) {
    auto t = ticket(r, "t", 100);
    add({t.number, agent, day, 0, "", "web"});
  }
  read([&](Tx& tx) {
    auto days = tx.credits().closed_per_day(ana, 20001, 20005);
    ASSERT_EQ(days.size(), 3u);
    EXPECT_EQ(days[0].day, 20001);
    EXPECT_EQ(days[0].closed, 1);
    EXPECT_EQ(days[1].day, 20003);
    EXPECT_EQ(days[1].closed, 1);
    EXPECT_EQ(days[2].day, 20005);
    EXPECT_EQ(days[2].closed, 2);
    EXPECT_EQ(tx.credits().closed_per_day(bo, 20000, 20010).size(), 1u);
    EXPECT_TRUE(tx.credits().closed_per_day(bo, 20004, 20010).empty());
    EXPECT_TRUE(tx.credits().closed_per_day(r, 20000, 20010).empty());
  });
}

TEST_P(CreditsContract, EveryGroupingIsLargestFirstWithTiesInKeyOrder) {
  auto ana = user("ana@x.com", core::Role::agent);
  auto bo = user("bo@x.com", core::Role::agent);
  auto r = user("r@x.com");
  const std::vector<CreditRecord> credits{
      {0, ana, 20001, 2, "Network", "email"}, {0, bo, 20002, 1, "Hardware", "phone"},
      {0, bo, 20002, 2, "Network", "email"},  {0, bo, 20003, 1, "Access", "web"},
      {0, ana, 20003, 3, "Hardware", "web"},  {0, bo, 20009, 3, "Network", "email"},
  };
  for (auto c : credits) {
    c.ticket_number = ticket(r, "t", 100).number;
    add(c);
  }
  const auto a = std::to_string(ana), b = std::to_string(bo);
  auto expect = [&](ClosedGrouping by,
                    const std::vector<std::pair<std::string, std::int64_t>>& want) {
    auto got = grouped(20001, 20003, by);
    std::vector<std::pair<std::string, std::int64_t>> pairs;
    for (const auto& g : got) pairs.emplace_back(g.key, g.closed);
    EXPECT_EQ(pairs, want) << static_cast<int>(by);
  };
  expect(ClosedGrouping::agent, {{b, 3}, {a, 2}});
  expect(ClosedGrouping::team, {{"1", 2}, {"2", 2}, {"3", 1}});
  expect(ClosedGrouping::day, {{"20002", 2}, {"20003", 2}, {"20001", 1}});
  expect(ClosedGrouping::category, {{"Hardware", 2}, {"Network", 2}, {"Access", 1}});
  expect(ClosedGrouping::channel, {{"email", 2}, {"web", 2}, {"phone", 1}});
  EXPECT_TRUE(grouped(20004, 20008, ClosedGrouping::team).empty());
}

// The rollups against a recount of the credits still held, after random adds and removes.
TEST_P(CreditsContract, RollupsEqualTheSumOfTheCreditsAfterRandomAddsAndRemoves) {
  std::mt19937 seeded(12);
  std::vector<Id> agents;
  for (int i = 0; i < 3; ++i) {
    agents.push_back(user("agent" + std::to_string(i) + "@x.com", core::Role::agent));
  }
  auto r = user("r@x.com");
  const std::vector<std::string> categories{"", "Network", "Hardware"};
  const std::vector<std::string> channels{"email", "web"};
  std::vector<CreditRecord> held;
  for (int i = 0; i < 40; ++i) {
    CreditRecord c;
    c.ticket_number = ticket(r, "t", 100).number;
    c.agent_id = agents[seeded() % agents.size()];
    c.day = 20000 + static_cast<std::int32_t>(seeded() % 6);
    c.team_id = static_cast<Id>(seeded() % 3);
    c.category = categories[seeded() % categories.size()];
    c.channel = channels[seeded() % channels.size()];
    add(c);
    held.push_back(c);
  }
  std::shuffle(held.begin(), held.end(), seeded);
  write([&](Tx& tx) {
    for (std::size_t i = 0; i < held.size() / 2; ++i) {
      auto stored = tx.credits().ticket_credit(held[i].ticket_number);
      ASSERT_TRUE(stored);
      tx.credits().remove_credit(*stored);
    }
  });
  held.erase(held.begin(), held.begin() + static_cast<std::ptrdiff_t>(held.size() / 2));

  for (const auto& range : {std::pair{20000, 20005}, std::pair{20002, 20003}}) {
    const std::int32_t from = range.first, to = range.second;
    for (auto by : {ClosedGrouping::agent, ClosedGrouping::team, ClosedGrouping::day,
                    ClosedGrouping::category, ClosedGrouping::channel}) {
      std::map<std::string, std::int64_t> want;
      for (const auto& c : held) {
        if (c.day >= from && c.day <= to) ++want[key_of(c, by)];
      }
      auto got = grouped(from, to, by);
      EXPECT_EQ(as_map(got), want) << static_cast<int>(by) << " " << from;
      EXPECT_EQ(got.size(), want.size());  // each key once, none empty
      for (std::size_t i = 1; i < got.size(); ++i) EXPECT_GE(got[i - 1].closed, got[i].closed);
    }
    read([&](Tx& tx) {
      std::map<Id, std::int64_t> want;
      for (const auto& c : held) {
        if (c.day >= from && c.day <= to) ++want[c.agent_id];
      }
      std::map<Id, std::int64_t> got;
      for (const auto& a : tx.credits().closed_by_agent(from, to)) got[a.agent_id] += a.closed;
      EXPECT_EQ(got, want);
      for (Id agent : agents) {
        std::map<std::int32_t, std::int64_t> days_want;
        for (const auto& c : held) {
          if (c.agent_id == agent && c.day >= from && c.day <= to) ++days_want[c.day];
        }
        std::map<std::int32_t, std::int64_t> days_got;
        for (const auto& d : tx.credits().closed_per_day(agent, from, to)) {
          EXPECT_GT(d.closed, 0);
          days_got[d.day] += d.closed;
        }
        EXPECT_EQ(days_got, days_want);
      }
    });
  }
}

TEST_P(CreditsContract, AwayDaysAreSetAndUnsetOncePerPersonAndDay) {
  auto ana = user("ana@x.com", core::Role::agent);
  auto bo = user("bo@x.com", core::Role::agent);
  write([&](Tx& tx) {
    tx.credits().set_away_day(ana, 20005, true);
    tx.credits().set_away_day(ana, 20001, true);
    tx.credits().set_away_day(ana, 20005, true);  // once only
    tx.credits().set_away_day(bo, 20003, true);
    tx.credits().set_away_day(bo, 20009, true);
  });
  read([&](Tx& tx) {
    EXPECT_EQ(tx.credits().away_days_of(ana), (std::vector<std::int32_t>{20001, 20005}));
    EXPECT_EQ(tx.credits().away_days_of(bo), (std::vector<std::int32_t>{20003, 20009}));
    auto in_range = tx.credits().away_days(20001, 20005);
    std::sort(in_range.begin(), in_range.end());
    EXPECT_EQ(in_range,
              (std::vector<std::pair<Id, std::int32_t>>{{ana, 20001}, {ana, 20005}, {bo, 20003}}));
    EXPECT_TRUE(tx.credits().away_days(20006, 20008).empty());
  });
  write([&](Tx& tx) {
    tx.credits().set_away_day(ana, 20005, false);
    tx.credits().set_away_day(ana, 20005, false);  // not set: nothing changes
    tx.credits().set_away_day(bo, 20004, false);
  });
  read([&](Tx& tx) {
    EXPECT_EQ(tx.credits().away_days_of(ana), (std::vector<std::int32_t>{20001}));
    EXPECT_EQ(tx.credits().away_days_of(bo), (std::vector<std::int32_t>{20003, 20009}));
    EXPECT_EQ(tx.credits().away_days(20005, 20005).size(), 0u);
  });
}

}  // namespace
}  // namespace frontline::store::contract
