// Reports on closed tickets, read from the daily rollups (never from tickets): the leaderboard,
// closed counts grouped by agent, team, day, category or channel, and the morning report each
// technician receives (assembled here, rendered by app/morning_report, sent through the mail
// outbox). Staff only. Rules in core/leaderboard.hpp and docs/leaderboard.md. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/mail_outbox.hpp"
#include "app/morning_report.hpp"
#include "core/result.hpp"

namespace frontline::app {

struct LeaderboardQuery {
  std::string window = "14d";       // "<N>d", 1 to 366 days
  std::string board;                // "" the company-wide board: active staff who are ranked
  std::optional<std::string> date;  // the window's last day, YYYY-MM-DD; default today (caller's)
};

struct Leaderboard {
  int window_days = 14;
  core::Day from = 0, to = 0;
  std::string board;
  std::vector<BoardLine> entries;  // by rank; movement unset
};

struct ClosedReportQuery {
  std::optional<std::string> from, to;  // YYYY-MM-DD inclusive; default the 14 days to today
  std::string group_by = "agent";       // agent, team, day, category, channel
};

struct ClosedReportRow {
  std::string key;    // the agent or team id, the date, the category or the channel
  std::string label;  // what a person reads: a name, the date, the category
  std::int64_t closed = 0;
};

struct ClosedReport {
  core::Day from = 0, to = 0;
  std::string group_by;
  std::int64_t total = 0;
  std::vector<ClosedReportRow> rows;  // largest first; by date for group_by=day
};

class Reports {
 public:
  explicit Reports(Context& ctx) : ctx_(ctx) {}

  core::Result<Leaderboard> leaderboard(const core::Actor& actor, const LeaderboardQuery& query);
  core::Result<ClosedReport> closed(const core::Actor& actor, const ClosedReportQuery& query);

  // The reports dated `date` for every active technician who has not opted out, or for the one
  // with `agent_email` (opted out or not).
  core::Result<std::vector<MorningReport>> morning_reports(
      core::Day date, const std::optional<std::string>& agent_email);

  // Queues the reports (kind "morning_report", at most once per technician and date, also
  // across several servers). Returns how many were queued now.
  core::Result<int> queue_morning_reports(const std::vector<MorningReport>& reports,
                                          const OutboundSettings& settings);
  // The scheduled run: every technician for whom it is at least `hour` o'clock on their local
  // today gets today's report, once.
  core::Result<int> queue_due_morning_reports(int hour, const OutboundSettings& settings);

 private:
  Context& ctx_;
};

}  // namespace frontline::app
