// The morning report a technician receives (issue: "The morning report and the leaderboard"):
// their closes per day over the 14 days before the report's date, the board they are ranked on
// (top 10, and their own line when lower, with movement since yesterday) and team totals.
// This file only holds the report and renders it; app/reports.cpp assembles and queues it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/model.hpp"

namespace frontline::app {

struct BoardLine {
  int rank = 0;
  core::Id agent_id = 0;
  std::string name;
  std::string email;
  std::string team;  // the first of their teams by name; empty when none
  int closed = 0;
  int working_days = 0;
  double average_per_day = 0;
  std::optional<int> movement;  // places up (+) or down (−) since yesterday; none: new on it
};

// A service of the directory nobody can be reached for, in the report of its team's lead
// (app/reports.cpp says who that is).
struct OrphanLine {
  std::string service;
  std::string reason;  // core::to_string(core::OrphanReason)
  std::int64_t open_tickets = 0;
};

struct MorningReport {
  core::User agent;
  core::Day date = 0;               // the report's date (the morning it is sent)
  core::Day from = 0, to = 0;       // the window: 14 days ending the day before
  std::vector<int> closed_per_day;  // one per day of the window, oldest first
  std::string board;                // "" for the company-wide board
  std::vector<BoardLine> top;       // at most 10
  std::optional<BoardLine> own;     // when not in the top 10
  std::vector<std::pair<std::string, int>> team_totals;  // team → closed, largest first
  std::vector<OrphanLine> orphans;                       // the services they lead, by name
};

std::string morning_report_subject(const MorningReport& r);
std::string morning_report_text(const MorningReport& r);
// HTML for ordinary mail clients: tables and inline styles only; bars are table cells.
std::string morning_report_html(const MorningReport& r);

}  // namespace frontline::app
