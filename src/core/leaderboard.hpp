// The leaderboard's rules (documented in docs/leaderboard.md), pure and unit-tested:
// - credit: a ticket counts as closed for the technician it was assigned to when it moved to
//   resolved; a later reopen removes the credit; resolving again credits again, once (only the
//   latest resolve holds a credit). Closing a resolved ticket keeps its credit; closing without
//   resolving (merge, a direct close) earns none.
// - working days: the window's days that are working weekdays of the organisation, on or after
//   the day the technician's account was created, and not marked away; and every day on which
//   they closed a ticket (work done on a weekend, a holiday or before the account's first local
//   day is work).
// - average = closed in the window / working days; ranked by average, then total closed, then
//   name; no shared ranks.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/model.hpp"

namespace frontline::core {

// The credit a ticket holds now: which technician, on which of their local days.
struct Credit {
  Id agent = 0;
  Day day = 0;
  bool operator==(const Credit&) const = default;
};

// What a status change does to the daily rollup: take one close away, add one, or both.
struct CreditChange {
  std::optional<Credit> remove;
  std::optional<Credit> add;
};

// Whether a change from → to can move a credit at all: only a resolve, or leaving resolved or
// closed. Callers skip reading the current credit for every other change (new → open).
bool may_move_credit(Status from, Status to);

// `assignee` is the ticket's assignee at the moment of the change; `local_day` the day in that
// technician's time zone. A ticket resolved while unassigned earns no credit.
CreditChange credit_on_status_change(const std::optional<Credit>& current, Status from, Status to,
                                     std::optional<Id> assignee, Day local_day);

// Monday..Sunday as bits 0..6; the default is Monday to Friday.
struct WorkWeek {
  std::uint8_t days = 0b0011111;
  bool works(Day day) const { return (days >> iso_weekday(day)) & 1; }
};

// ["mon", …, "sun"] ⇄ a work week. nullopt for an unknown name or no day at all.
std::optional<WorkWeek> parse_work_week(const std::vector<std::string>& names);
std::vector<std::string> work_week_names(const WorkWeek& week);

// Working days in [from, to] (inclusive) for a technician whose account exists from
// `account_from` (their local day), excluding `away` days, plus every day in `closed_on` (the
// days they closed a ticket), whatever the week, the account's start or an away mark say.
int working_days(Day from, Day to, const WorkWeek& week, Day account_from,
                 const std::set<Day>& away, const std::set<Day>& closed_on = {});

struct BoardInput {
  Id agent = 0;
  std::string name;
  int closed = 0;        // credits in the window
  int working_days = 0;  // from working_days()
};

struct BoardEntry {
  int rank = 0;
  Id agent = 0;
  std::string name;
  int closed = 0;
  int working_days = 0;
  double average_per_day = 0;  // 0 when there were no working days
};

// Ranks by average closed per working day (highest first), then total closed, then name.
std::vector<BoardEntry> rank_board(std::vector<BoardInput> inputs);

// The window of a board ending on `last` inclusive, `days` long: [last - days + 1, last].
struct Window {
  Day from = 0;
  Day to = 0;
};
inline Window window_ending(Day last, int days) { return {last - days + 1, last}; }
// The morning report dated D covers the 14 days ending the day before D.
inline Window morning_report_window(Day report_day) { return window_ending(report_day - 1, 14); }

}  // namespace frontline::core
