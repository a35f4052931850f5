// The leaderboard's definitions (docs/leaderboard.md): credits per resolve, working days,
// ranking and its tie-breaks, windows, and that a rollup kept by credit changes always equals
// a recount from the status history.
#include "core/leaderboard.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace frontline::core {
namespace {

const Day kMon = *parse_day("2026-11-23");  // a Monday

TEST(CivilDate, RoundTripsAndKnowsWeekdays) {
  EXPECT_EQ(day_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(format_day(*parse_day("2024-02-29")), "2024-02-29");
  EXPECT_FALSE(parse_day("2026-02-29"));
  EXPECT_FALSE(parse_day("2026-13-01"));
  EXPECT_FALSE(parse_day("26-11-24"));
  EXPECT_EQ(iso_weekday(kMon), 0);
  EXPECT_EQ(iso_weekday(kMon + 6), 6);
  for (Day d = -1000; d < 30000; d += 37) EXPECT_EQ(day_from_civil(civil_from_day(d)), d);
}

TEST(Credit, ChangesThatCannotMoveACreditMoveNone) {
  const Status all[] = {Status::new_,    Status::open,     Status::pending,
                        Status::on_hold, Status::resolved, Status::closed};
  const Credit held{7, kMon};
  int may = 0;
  for (Status from : all) {
    for (Status to : all) {
      if (may_move_credit(from, to)) {
        ++may;
        continue;
      }
      // Skipping the credit lookup for this change is safe: it would change nothing.
      auto c = credit_on_status_change(held, from, to, Id{8}, kMon + 1);
      EXPECT_FALSE(c.remove || c.add) << to_string(from) << " -> " << to_string(to);
    }
  }
  // Into resolved (5), out of resolved (5, closing included), out of closed (4).
  EXPECT_EQ(may, 14);
}

TEST(Credit, ResolveCreditsTheAssigneeOnTheirDay) {
  auto c = credit_on_status_change(std::nullopt, Status::open, Status::resolved, Id{7}, kMon);
  EXPECT_FALSE(c.remove);
  ASSERT_TRUE(c.add);
  EXPECT_EQ(*c.add, (Credit{7, kMon}));
}

TEST(Credit, ReopenRemovesAndASecondResolveCreditsOnce) {
  Credit first{7, kMon};
  auto reopen = credit_on_status_change(first, Status::resolved, Status::open, Id{7}, kMon + 1);
  EXPECT_EQ(reopen.remove, first);
  EXPECT_FALSE(reopen.add);
  auto again =
      credit_on_status_change(std::nullopt, Status::open, Status::resolved, Id{8}, kMon + 2);
  EXPECT_FALSE(again.remove);
  EXPECT_EQ(again.add, (Credit{8, kMon + 2}));  // whoever has it when it is resolved again
}

TEST(Credit, ClosingKeepsAResolveAndEarnsNothingWithoutOne) {
  Credit held{7, kMon};
  auto close = credit_on_status_change(held, Status::resolved, Status::closed, Id{7}, kMon + 7);
  EXPECT_FALSE(close.remove);
  EXPECT_FALSE(close.add);
  auto direct = credit_on_status_change(std::nullopt, Status::open, Status::closed, Id{7}, kMon);
  EXPECT_FALSE(direct.add);
  auto unassigned =
      credit_on_status_change(std::nullopt, Status::open, Status::resolved, std::nullopt, kMon);
  EXPECT_FALSE(unassigned.add);
  auto pending = credit_on_status_change(std::nullopt, Status::open, Status::pending, Id{7}, kMon);
  EXPECT_FALSE(pending.add);
  EXPECT_FALSE(pending.remove);
}

TEST(WorkingDays, CountsWorkdaysFromAccountCreationWithoutAwayDays) {
  WorkWeek mon_fri;
  EXPECT_EQ(working_days(kMon, kMon + 13, mon_fri, kMon - 100, {}), 10);
  EXPECT_EQ(working_days(kMon, kMon + 13, mon_fri, kMon + 7, {}), 5);  // joined the 2nd Monday
  EXPECT_EQ(working_days(kMon, kMon + 13, mon_fri, kMon - 100, {kMon, kMon + 5}), 9);  // Sat away
  WorkWeek six_days{0b0111111};
  EXPECT_EQ(working_days(kMon, kMon + 6, six_days, kMon - 1, {}), 6);
  EXPECT_EQ(working_days(kMon, kMon + 6, mon_fri, kMon + 10, {}), 0);
}

TEST(WorkingDays, ADayWithClosesCountsAsWorkedOutsideTheWorkWeekAndBeforeTheAccount) {
  WorkWeek mon_fri;
  // Closed on Saturday of week one: 10 weekdays + that Saturday.
  EXPECT_EQ(working_days(kMon, kMon + 13, mon_fri, kMon - 100, {}, {kMon + 5}), 11);
  // A close on a weekday already counted adds nothing.
  EXPECT_EQ(working_days(kMon, kMon + 13, mon_fri, kMon - 100, {}, {kMon + 1}), 10);
  // The first local day is a Sunday and they closed tickets on it.
  EXPECT_EQ(working_days(kMon, kMon + 6, mon_fri, kMon + 6, {}, {kMon + 6}), 1);
  // An away day on which they closed tickets was worked after all.
  EXPECT_EQ(working_days(kMon, kMon + 4, mon_fri, kMon - 100, {kMon}, {kMon}), 5);
}

TEST(Board, RanksByAverageThenTotalThenName) {
  auto board = rank_board({{1, "Cleo", 6, 10},     // 0.6
                           {2, "Ada", 12, 10},     // 1.2
                           {3, "Bob", 6, 5},       // 1.2, fewer closed than Ada
                           {4, "Abe", 6, 5},       // 1.2, same as Bob: name decides
                           {5, "Newbie", 0, 0}});  // no working days yet: average 0, last
  ASSERT_EQ(board.size(), 5u);
  EXPECT_EQ(board[0].name, "Ada");
  EXPECT_EQ(board[1].name, "Abe");
  EXPECT_EQ(board[2].name, "Bob");
  EXPECT_EQ(board[3].name, "Cleo");
  EXPECT_EQ(board[4].name, "Newbie");
  for (std::size_t i = 0; i < board.size(); ++i) EXPECT_EQ(board[i].rank, static_cast<int>(i) + 1);
  EXPECT_DOUBLE_EQ(board[0].average_per_day, 1.2);
  EXPECT_DOUBLE_EQ(board[4].average_per_day, 0.0);
}

TEST(Board, EqualAveragesCompareExactly) {
  auto board = rank_board({{1, "Two-thirds", 2, 3}, {2, "Four-sixths", 4, 6}});
  EXPECT_EQ(board[0].name, "Four-sixths");  // same average: more closed wins
}

TEST(Window, LeaderboardEndsOnItsDateAndTheMorningReportTheDayBefore) {
  auto w = window_ending(kMon + 13, 14);
  EXPECT_EQ(w.from, kMon);
  EXPECT_EQ(w.to, kMon + 13);
  auto r = morning_report_window(kMon + 14);
  EXPECT_EQ(r.from, kMon);
  EXPECT_EQ(r.to, kMon + 13);
}

// A rollup kept only from credit changes equals a recount from each ticket's history, whatever
// the order of resolves, reopens, reassignments and closes (merges close without resolving).
TEST(Credit, RollupFromChangesEqualsARecountAfterRandomHistories) {
  std::mt19937 rng(20261124);
  const Status statuses[] = {Status::open, Status::pending, Status::resolved, Status::closed};
  for (int round = 0; round < 200; ++round) {
    std::map<std::pair<Id, Day>, int> rollup;
    std::map<std::pair<Id, Day>, int> recount;
    for (int ticket = 0; ticket < 20; ++ticket) {
      Status status = Status::new_;
      std::optional<Id> assignee;
      std::optional<Credit> credit;
      std::optional<Credit> last_resolve;  // the recount's view: the latest resolve standing
      Day day = kMon;
      for (int step = 0; step < 12 && status != Status::closed; ++step) {
        day += static_cast<Day>(rng() % 2);
        if (rng() % 3 == 0)
          assignee = (rng() % 4 == 0) ? std::nullopt : std::optional<Id>(rng() % 5 + 1);
        Status to = statuses[rng() % 4];
        if (to == status) continue;
        auto change = credit_on_status_change(credit, status, to, assignee, day);
        if (change.remove) --rollup[{change.remove->agent, change.remove->day}];
        if (change.add) ++rollup[{change.add->agent, change.add->day}];
        if (change.remove) credit.reset();
        if (change.add) credit = change.add;
        if (to == Status::resolved) {
          last_resolve = assignee ? std::optional<Credit>(Credit{*assignee, day}) : std::nullopt;
        } else if (to != Status::closed) {
          last_resolve.reset();
        } else if (status != Status::resolved) {
          last_resolve.reset();  // closed without being resolved: no credit
        }
        status = to;
      }
      if (last_resolve) ++recount[{last_resolve->agent, last_resolve->day}];
    }
    std::erase_if(rollup, [](const auto& kv) { return kv.second == 0; });
    ASSERT_EQ(rollup, recount) << "round " << round;
  }
}

}  // namespace
}  // namespace frontline::core
