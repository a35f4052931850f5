// Focus of this file: the leaderboard's rollups on a real SQLite file. After random sequences
// of resolve, reopen, reassign, customer replies, direct closes, merges and auto-close by
// technicians in different time zones, the rollups equal a recount from the event log; and the
// leaderboard, the closed report and the morning report read them by the documented rules.
#include "app/reports.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "../test_support.hpp"
#include "app/event_data.hpp"
#include "app/local_time.hpp"
#include "app/ranking.hpp"
#include "app/ticket_jobs.hpp"
#include "app/tickets.hpp"

namespace frontline::app {
namespace {

using core::Day;
using core::Id;
using core::Status;

// "to" of {"from":"open","to":"resolved"}.
std::string status_to(const std::string& data) {
  const std::string key = "\"to\":\"";
  auto at = data.find(key);
  if (at == std::string::npos) return "";
  at += key.size();
  return data.substr(at, data.find('"', at) - at);
}

class ReportsTest : public ::testing::Test {
 protected:
  ReportsTest() : tickets_(*app_.ctx), reports_(*app_.ctx) {}

  core::Actor agent(const std::string& email, const std::string& tz) {
    auto a = app_.make_user(email, core::Role::agent);
    Accounts accounts(*app_.ctx);
    UserChanges c;
    c.timezone = tz;
    EXPECT_TRUE(accounts.update_user(system_actor(), a.id, c));
    zones_[a.id] = tz;
    return a;
  }

  core::Ticket open_for(const core::Actor& customer) {
    OpenTicket in;
    in.subject = "VPN drops";
    in.body = "Every hour";
    auto t = tickets_.open(customer, std::move(in));
    EXPECT_TRUE(t);
    return *t;
  }

  bool set(const core::Actor& who, Id number, TicketChanges c) {
    return static_cast<bool>(tickets_.update(who, number, c, std::nullopt));
  }

  // Closes per (agent, local day) recounted from the event log alone: the assignee at each
  // resolve, the day in that technician's zone at the event's time, the credit gone when the
  // ticket leaves resolved/closed.
  std::map<std::pair<Id, Day>, int> recount() {
    std::map<Id, std::optional<Id>> assignee;
    std::map<Id, std::optional<std::pair<Id, Day>>> credit;
    app_.db->read([&](store::Tx& tx) {
      for (Id after = 0;;) {
        auto events = tx.events().events_after(after, 1000);
        if (events.empty()) break;
        for (const auto& e : events) {
          after = e.id;
          if (!e.ticket_number) continue;
          const Id n = *e.ticket_number;
          if (e.type == "ticket.assigned") {
            auto to = event_int(e.data, "to");
            assignee[n] = to ? std::optional<Id>(*to) : std::nullopt;
          } else if (e.type == "ticket.status_changed") {
            const auto to = status_to(e.data);
            if (to == "resolved") {
              credit[n].reset();
              if (auto a = assignee[n]) credit[n] = {{*a, local_day(e.created_at, zones_[*a])}};
            } else if (to != "closed") {
              credit[n].reset();
            }
          }
          // ticket.merged: the source closes; a resolved one keeps its credit, others had none.
        }
      }
    });
    std::map<std::pair<Id, Day>, int> out;
    for (const auto& [n, c] : credit) {
      if (c) ++out[*c];
    }
    return out;
  }

  std::map<std::pair<Id, Day>, int> rollup(Day from, Day to) {
    std::map<std::pair<Id, Day>, int> out;
    app_.db->read([&](store::Tx& tx) {
      for (const auto& [id, zone] : zones_) {
        for (const auto& d : tx.credits().closed_per_day(id, from, to)) {
          out[{id, d.day}] = static_cast<int>(d.closed);
        }
      }
    });
    return out;
  }

  testing::TestApp app_;
  Tickets tickets_;
  Reports reports_;
  std::map<Id, std::string> zones_;
};

TEST_F(ReportsTest, RollupEqualsARecountFromTheEventLogAfterRandomHistories) {
  auto lead = app_.make_user("lead@x.com", core::Role::admin);
  std::vector<core::Actor> agents{agent("ana@x.com", "Pacific/Auckland"),
                                  agent("ben@x.com", "America/Los_Angeles"),
                                  agent("cy@x.com", "UTC")};
  std::vector<core::Actor> customers{app_.make_user("c1@y.com", core::Role::customer),
                                     app_.make_user("c2@y.com", core::Role::customer)};
  const Day first_day = local_day(app_.clock.now(), "UTC") - 2;
  for (unsigned seed = 1; seed <= 12; ++seed) {
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    std::vector<core::Ticket> open;
    for (int i = 0; i < 12; ++i) open.push_back(open_for(customers[pick(2)]));
    for (int step = 0; step < 150; ++step) {
      app_.clock.advance(pick(5 * 3600));  // crosses midnight in some zone now and then
      const auto& t = open[static_cast<std::size_t>(pick(static_cast<int>(open.size())))];
      const auto& who = agents[static_cast<std::size_t>(pick(3))];
      TicketChanges c;
      switch (pick(8)) {
        case 0:
        case 1:
          c.status = Status::resolved;
          break;
        case 2:
          c.status = Status::open;
          break;  // a reopen
        case 3:
          c.assignee_id = std::optional<Id>(who.id);
          break;
        case 4:
          c.assignee_id = std::optional<Id>();
          break;
        case 5:  // resolve and reassign in one request: the new assignee earns it
          c.status = Status::resolved;
          c.assignee_id = std::optional<Id>(who.id);
          break;
        case 6: {  // the customer answers: a resolved ticket reopens
          auto requester = std::find_if(customers.begin(), customers.end(),
                                        [&](const auto& cu) { return cu.id == t.requester_id; });
          (void)tickets_.add_message(*requester, t.number, core::MessageKind::public_reply,
                                     "Still broken", {});
          continue;
        }
        default:
          if (pick(2) == 0) {
            c.status = Status::closed;
          } else {  // merge into another ticket of the same requester
            for (const auto& other : open) {
              if (other.number != t.number && other.requester_id == t.requester_id) {
                (void)tickets_.merge(lead, t.number, other.number);
                break;
              }
            }
            continue;
          }
      }
      (void)set(lead, t.number, c);  // some fail (closed tickets): that is part of the test
    }
    app_.clock.advance(8 * 86400);
    ASSERT_TRUE(auto_close_resolved(*app_.ctx));
    const Day last_day = local_day(app_.clock.now(), "UTC") + 2;
    ASSERT_EQ(rollup(first_day, last_day), recount()) << "seed " << seed;
  }
  // Not vacuous: the histories left credits on several days.
  EXPECT_GT(recount().size(), 5u);
}

TEST_F(ReportsTest, CloseCountsOnTheTechniciansLocalDay) {
  auto ana = agent("ana@x.com", "Pacific/Auckland");  // UTC+13 in November
  auto customer = app_.make_user("c@y.com", core::Role::customer);
  app_.clock.set(1'795'000'000 - 1'795'000'000 % 86400 + 12 * 3600);  // 12:00 UTC
  auto t = open_for(customer);
  TicketChanges c;
  c.status = Status::resolved;
  c.assignee_id = std::optional<Id>(ana.id);
  ASSERT_TRUE(set(ana, t.number, c));
  const Day utc_day = local_day(app_.clock.now(), "UTC");
  auto board = reports_.leaderboard(ana, {"1d", "", core::format_day(utc_day + 1)});
  ASSERT_TRUE(board);
  ASSERT_EQ(board->entries.size(), 1u);
  EXPECT_EQ(board->entries[0].closed, 1);  // already tomorrow in Auckland
  auto utc_board = reports_.leaderboard(ana, {"1d", "", core::format_day(utc_day)});
  EXPECT_EQ(utc_board->entries[0].closed, 0);
}

TEST_F(ReportsTest, AwayDaysAndDaysBeforeTheAccountAreNotWorkingDays) {
  // 2026-11-16 is a Monday. Ana's account exists from Wednesday the 18th; she is away Thursday.
  const Day monday = *core::parse_day("2026-11-16");
  app_.clock.set(static_cast<core::UnixTime>(monday + 2) * 86400 + 9 * 3600);
  auto ana = agent("ana@x.com", "UTC");
  Ranking ranking(*app_.ctx);
  ASSERT_TRUE(ranking.set_away(ana, ana.id, "2026-11-19", true));
  auto board = reports_.leaderboard(ana, {"7d", "", std::string("2026-11-22")});
  ASSERT_TRUE(board);
  ASSERT_EQ(board->entries.size(), 1u);
  EXPECT_EQ(board->entries[0].working_days, 2);  // Wednesday and Friday
  EXPECT_EQ(board->from, monday);
}

TEST_F(ReportsTest, ClosesOnAWeekendFirstDayMakeItAWorkedDay) {
  // 2026-11-21 is a Saturday: Ana's first day, and she closes a ticket on it.
  const Day saturday = *core::parse_day("2026-11-21");
  app_.clock.set(static_cast<core::UnixTime>(saturday) * 86400 + 10 * 3600);
  auto ana = agent("ana@x.com", "UTC");
  auto customer = app_.make_user("c@y.com", core::Role::customer);
  auto t = open_for(customer);
  TicketChanges c;
  c.status = Status::resolved;
  c.assignee_id = std::optional<Id>(ana.id);
  ASSERT_TRUE(set(ana, t.number, c));
  auto board = reports_.leaderboard(ana, {"7d", "", std::string("2026-11-21")});
  ASSERT_TRUE(board);
  ASSERT_EQ(board->entries.size(), 1u);
  EXPECT_EQ(board->entries[0].closed, 1);
  EXPECT_EQ(board->entries[0].working_days, 1);
  EXPECT_DOUBLE_EQ(board->entries[0].average_per_day, 1.0);
}

TEST_F(ReportsTest, BoardsRankOnlyTheirMembersAndCustomersMayNotReadReports) {
  auto admin = app_.make_user("admin@x.com", core::Role::admin);
  auto ana = agent("ana@x.com", "UTC");
  auto ben = agent("ben@x.com", "UTC");
  Ranking ranking(*app_.ctx);
  ASSERT_TRUE(ranking.create_board(admin, {std::string("Field"), std::vector<Id>{ana.id}}));
  auto field = reports_.leaderboard(ana, {"14d", "Field", std::nullopt});
  ASSERT_TRUE(field);
  ASSERT_EQ(field->entries.size(), 1u);
  EXPECT_EQ(field->entries[0].agent_id, ana.id);
  auto all = reports_.leaderboard(ana, {"14d", "", std::nullopt});
  EXPECT_EQ(all->entries.size(), 2u);  // ana and ben: technicians, not the admin
  UserChanges off_the_board;
  off_the_board.ranked = false;
  EXPECT_EQ(Accounts(*app_.ctx).update_user(ben, ben.id, off_the_board).error().code,
            core::Errc::forbidden);  // not a preference of one's own
  ASSERT_TRUE(Accounts(*app_.ctx).update_user(admin, ben.id, off_the_board));
  EXPECT_EQ(reports_.leaderboard(ana, {"14d", "", std::nullopt})->entries.size(), 1u);
  auto unknown = reports_.leaderboard(ana, {"14d", "Nope", std::nullopt});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, core::Errc::invalid);
  auto customer = app_.make_user("c@y.com", core::Role::customer);
  EXPECT_EQ(reports_.leaderboard(customer, {}).error().code, core::Errc::forbidden);
  EXPECT_EQ(reports_.closed(customer, {}).error().code, core::Errc::forbidden);
}

TEST_F(ReportsTest, NewAdminsAreUnrankedByDefaultAndAnAdminMayRankThem) {
  auto admin = app_.make_user("admin@x.com", core::Role::admin);
  auto ana = agent("ana@x.com", "UTC");
  auto lead = app_.make_user("lead@x.com", core::Role::admin);
  auto names = [&] {
    std::vector<Id> ids;
    auto board = reports_.leaderboard(ana, {"14d", "", std::nullopt});
    for (const auto& e : board->entries) ids.push_back(e.agent_id);
    return ids;
  };
  EXPECT_EQ(names(), std::vector<Id>{ana.id});
  UserChanges rank_lead;
  rank_lead.ranked = true;
  ASSERT_TRUE(Accounts(*app_.ctx).update_user(admin, lead.id, rank_lead));
  EXPECT_EQ(names().size(), 2u);
}

TEST_F(ReportsTest, MorningReportIsQueuedOncePerTechnicianAndDate) {
  auto ana = agent("ana@x.com", "UTC");
  auto ben = agent("ben@x.com", "UTC");
  Accounts accounts(*app_.ctx);
  UserChanges opt_out;
  opt_out.morning_report = false;
  ASSERT_TRUE(accounts.update_user(ben, ben.id, opt_out));  // his own preference
  auto customer = app_.make_user("c@y.com", core::Role::customer);
  auto t = open_for(customer);
  TicketChanges c;
  c.status = Status::resolved;
  c.assignee_id = std::optional<Id>(ana.id);
  ASSERT_TRUE(set(ana, t.number, c));
  app_.clock.advance(86400);
  OutboundSettings settings;
  auto first = reports_.queue_due_morning_reports(0, settings);
  ASSERT_TRUE(first);
  EXPECT_EQ(*first, 1);  // ana only: ben opted out
  EXPECT_EQ(*reports_.queue_due_morning_reports(0, settings), 0);
  auto again = reports_.morning_reports(local_day(app_.clock.now(), "UTC"), std::nullopt);
  EXPECT_EQ(*reports_.queue_morning_reports(*again, settings), 0);  // e.g. a second server
  app_.db->read([&](store::Tx& tx) {
    auto due = tx.mail().due_outbound_mail(app_.clock.now(), 10);
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].recipient, "ana@x.com");
    EXPECT_EQ(due[0].kind, "morning_report");
    EXPECT_NE(due[0].body.find("You closed 1 ticket from"), std::string::npos) << due[0].body;
    EXPECT_NE(due[0].html.find("<table"), std::string::npos);
  });
}

TEST_F(ReportsTest, MorningReportWaitsForTheTechniciansLocalHour) {
  agent("ana@x.com", "America/New_York");
  // 12:00 UTC is 07:00 in New York in November.
  app_.clock.set(1'795'000'000 - 1'795'000'000 % 86400 + 11 * 3600 + 59 * 60);
  OutboundSettings settings;
  EXPECT_EQ(*reports_.queue_due_morning_reports(7, settings), 0);
  app_.clock.advance(60);
  EXPECT_EQ(*reports_.queue_due_morning_reports(7, settings), 1);
}

TEST_F(ReportsTest, ClosedReportGroupsByChannelAndRejectsAnUnknownGrouping) {
  auto ana = agent("ana@x.com", "UTC");
  auto customer = app_.make_user("c@y.com", core::Role::customer);
  for (int i = 0; i < 3; ++i) {
    auto t = open_for(customer);
    TicketChanges c;
    c.status = Status::resolved;
    c.assignee_id = std::optional<Id>(ana.id);
    ASSERT_TRUE(set(ana, t.number, c));
  }
  ClosedReportQuery q;
  q.group_by = "channel";
  auto r = reports_.closed(ana, q);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->rows.size(), 1u);
  EXPECT_EQ(r->rows[0].key, "web");
  EXPECT_EQ(r->rows[0].closed, 3);
  EXPECT_EQ(r->total, 3);
  q.group_by = "mood";
  EXPECT_EQ(reports_.closed(ana, q).error().code, core::Errc::invalid);
}

}  // namespace
}  // namespace frontline::app
