// Rendering the morning report (see header). The text part stands alone: numbers first, bars of
// '#' only as a picture of them. The HTML part uses tables and inline styles, which every common
// mail client renders (no CSS classes, scripts, or remote images).
#include "app/morning_report.hpp"

#include <algorithm>
#include <cstdio>

#include "core/text.hpp"

namespace frontline::app {

namespace {

constexpr const char* kWeekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr int kTextBarWidth = 30;
constexpr int kHtmlBarPixels = 240;

std::string average(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string movement(const BoardLine& l) {
  if (!l.movement) return "new";
  if (*l.movement > 0) return "up " + std::to_string(*l.movement);
  if (*l.movement < 0) return "down " + std::to_string(-*l.movement);
  return "=";
}

std::string board_title(const MorningReport& r) {
  return r.board.empty() ? "Company leaderboard" : "Leaderboard: " + r.board;
}

std::string tickets(int n) { return std::to_string(n) + (n == 1 ? " ticket" : " tickets"); }

// The bars' scale: the most closed on one day (at least 1, so an empty fortnight divides safely).
int busiest_day(const MorningReport& r) {
  return std::max(1, *std::max_element(r.closed_per_day.begin(), r.closed_per_day.end()));
}

int total(const MorningReport& r) {
  int n = 0;
  for (int c : r.closed_per_day) n += c;
  return n;
}

std::string escaped(std::string_view s) {
  std::string out;
  core::append_html_escaped(out, s);
  return out;
}

std::string text_line(const BoardLine& l, core::Id self) {
  std::string s = (l.agent_id == self ? "> " : "  ") + std::to_string(l.rank) + ". " + l.name;
  if (!l.team.empty()) s += " (" + l.team + ")";
  return s + " - " + average(l.average_per_day) + " per day, " + std::to_string(l.closed) +
         " closed in " + std::to_string(l.working_days) + " working days, " + movement(l) + "\n";
}

std::string html_row(const BoardLine& l, core::Id self) {
  const bool me = l.agent_id == self;
  std::string s = me ? "<tr style=\"background:#fff3c4;font-weight:bold\">" : "<tr>";
  s += "<td style=\"padding:2px 8px;text-align:right\">" + std::to_string(l.rank) + "</td>";
  s += "<td style=\"padding:2px 8px\">" + escaped(l.name) + "</td>";
  s += "<td style=\"padding:2px 8px;color:#555\">" + escaped(l.team) + "</td>";
  s += "<td style=\"padding:2px 8px;text-align:right\">" + average(l.average_per_day) + "</td>";
  s += "<td style=\"padding:2px 8px;text-align:right\">" + std::to_string(l.closed) + "</td>";
  s += "<td style=\"padding:2px 8px;color:#555\">" + movement(l) + "</td></tr>\n";
  return s;
}

// "Records database: no active contact, 3 open tickets"
std::string orphan_words(const OrphanLine& o) {
  std::string reason = o.reason;
  std::replace(reason.begin(), reason.end(), '_', ' ');
  return o.service + ": " + reason + ", " + std::to_string(o.open_tickets) +
         (o.open_tickets == 1 ? " open ticket" : " open tickets");
}

}  // namespace

std::string morning_report_subject(const MorningReport& r) {
  return "Your morning report for " + core::format_day(r.date) + ": " + std::to_string(total(r)) +
         " closed in 14 days";
}

std::string morning_report_text(const MorningReport& r) {
  std::string s = "Good morning, " + r.agent.name + ".\n\n";
  s += "You closed " + tickets(total(r)) + " from " + core::format_day(r.from) + " to " +
       core::format_day(r.to) + ".\n\n";
  const int peak = busiest_day(r);
  for (std::size_t i = 0; i < r.closed_per_day.size(); ++i) {
    const core::Day d = r.from + static_cast<core::Day>(i);
    const int n = r.closed_per_day[i];
    s += std::string(kWeekdays[core::iso_weekday(d)]) + " " + core::format_day(d) + "  " +
         std::string(static_cast<std::size_t>(n * kTextBarWidth / peak), '#') + " " +
         std::to_string(n) + "\n";
  }
  s += "\n" + board_title(r) + ", by average closed per working day:\n";
  for (const auto& l : r.top) s += text_line(l, r.agent.id);
  if (r.own) s += "  ...\n" + text_line(*r.own, r.agent.id);
  s += "\nTeam totals, same 14 days:\n";
  for (const auto& [team, closed] : r.team_totals) {
    s += "  " + team + ": " + std::to_string(closed) + "\n";
  }
  if (!r.orphans.empty()) {
    s += "\nServices nobody can be reached for (add or verify a contact):\n";
    for (const auto& o : r.orphans) s += "  " + orphan_words(o) + "\n";
  }
  s += "\nYou can turn this mail off in the help desk under your profile.\n";
  return s;
}

std::string morning_report_html(const MorningReport& r) {
  std::string s =
      "<!doctype html><html><body style=\"font-family:Arial,Helvetica,sans-serif;color:#222\">\n";
  s += "<p>Good morning, " + escaped(r.agent.name) + ".</p>\n";
  s += "<p>You closed <strong>" + tickets(total(r)) + "</strong> from " + core::format_day(r.from) +
       " to " + core::format_day(r.to) + ".</p>\n";
  s += "<table role=\"presentation\" cellspacing=\"0\" cellpadding=\"0\" "
       "style=\"border-collapse:collapse\">\n";
  const int peak = busiest_day(r);
  for (std::size_t i = 0; i < r.closed_per_day.size(); ++i) {
    const core::Day d = r.from + static_cast<core::Day>(i);
    const int n = r.closed_per_day[i];
    const int width = n * kHtmlBarPixels / peak;
    s += "<tr><td style=\"padding:1px 8px 1px 0;color:#555\">" +
         std::string(kWeekdays[core::iso_weekday(d)]) + " " + core::format_day(d) + "</td><td>";
    if (width > 0) {
      s += "<table role=\"presentation\" cellspacing=\"0\" cellpadding=\"0\"><tr><td width=\"" +
           std::to_string(width) +
           "\" height=\"12\" style=\"background:#2b6cb0;width:" + std::to_string(width) +
           "px;height:12px;font-size:0;line-height:0\">&nbsp;</td>"
           "</tr></table>";
    }
    s += "</td><td style=\"padding:1px 0 1px 8px;text-align:right\">" + std::to_string(n) +
         "</td></tr>\n";
  }
  s += "</table>\n<h3>" + escaped(board_title(r)) + "</h3>\n";
  s += "<table cellspacing=\"0\" cellpadding=\"0\" style=\"border-collapse:collapse\">\n"
       "<tr><th>#</th><th style=\"text-align:left;padding:2px 8px\">Technician</th>"
       "<th style=\"text-align:left;padding:2px 8px\">Team</th>"
       "<th style=\"padding:2px 8px\">Per day</th><th style=\"padding:2px 8px\">Closed</th>"
       "<th style=\"text-align:left;padding:2px 8px\">Since yesterday</th></tr>\n";
  for (const auto& l : r.top) s += html_row(l, r.agent.id);
  if (r.own)
    s += "<tr><td colspan=\"6\" style=\"padding:2px 8px\">&hellip;</td></tr>\n" +
         html_row(*r.own, r.agent.id);
  s += "</table>\n<h3>Team totals</h3>\n<table cellspacing=\"0\" cellpadding=\"0\">\n";
  for (const auto& [team, closed] : r.team_totals) {
    s += "<tr><td style=\"padding:2px 8px\">" + escaped(team) +
         "</td><td style=\"padding:2px 8px;text-align:right\">" + std::to_string(closed) +
         "</td></tr>\n";
  }
  s += "</table>\n";
  if (!r.orphans.empty()) {
    s += "<h3>Services nobody can be reached for</h3>\n<ul>\n";
    for (const auto& o : r.orphans) s += "<li>" + escaped(orphan_words(o)) + "</li>\n";
    s += "</ul>\n";
  }
  s += "<p style=\"color:#777;font-size:12px\">You can turn this mail off in the help "
       "desk under your profile.</p>\n</body></html>\n";
  return s;
}

}  // namespace frontline::app
