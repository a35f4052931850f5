// Leaderboard rules (see header).
#include "core/leaderboard.hpp"

#include <algorithm>

namespace frontline::core {

namespace {

bool is_done(Status s) { return s == Status::resolved || s == Status::closed; }

}  // namespace

bool may_move_credit(Status from, Status to) {
  return from != to && (to == Status::resolved || is_done(from));
}

CreditChange credit_on_status_change(const std::optional<Credit>& current, Status from, Status to,
                                     std::optional<Id> assignee, Day local_day) {
  CreditChange change;
  if (!may_move_credit(from, to)) return change;
  if (to == Status::resolved) {
    // A fresh resolve replaces whatever credit is left (there is none after a reopen).
    change.remove = current;
    if (assignee) change.add = Credit{*assignee, local_day};
  } else if (is_done(from) && !is_done(to)) {
    change.remove = current;  // reopened: the close no longer stands
  }
  // resolved → closed keeps the credit; other → closed (merge, direct close) earns none.
  return change;
}

namespace {
constexpr const char* kDayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
}

std::optional<WorkWeek> parse_work_week(const std::vector<std::string>& names) {
  WorkWeek week{0};
  for (const auto& name : names) {
    auto it = std::find(std::begin(kDayNames), std::end(kDayNames), name);
    if (it == std::end(kDayNames)) return std::nullopt;
    week.days |= static_cast<std::uint8_t>(1u << (it - std::begin(kDayNames)));
  }
  if (week.days == 0) return std::nullopt;
  return week;
}

std::vector<std::string> work_week_names(const WorkWeek& week) {
  std::vector<std::string> out;
  for (int i = 0; i < 7; ++i) {
    if ((week.days >> i) & 1) out.emplace_back(kDayNames[i]);
  }
  return out;
}

int working_days(Day from, Day to, const WorkWeek& week, Day account_from,
                 const std::set<Day>& away, const std::set<Day>& closed_on) {
  int n = 0;
  for (Day d = from; d <= to; ++d) {
    const bool scheduled = d >= account_from && week.works(d) && !away.contains(d);
    if (scheduled || closed_on.contains(d)) ++n;
  }
  return n;
}

std::vector<BoardEntry> rank_board(std::vector<BoardInput> inputs) {
  std::vector<BoardEntry> out;
  out.reserve(inputs.size());
  for (auto& in : inputs) {
    BoardEntry e;
    e.agent = in.agent;
    e.name = std::move(in.name);
    e.closed = in.closed;
    e.working_days = in.working_days;
    e.average_per_day = in.working_days > 0 ? static_cast<double>(in.closed) / in.working_days : 0;
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const BoardEntry& a, const BoardEntry& b) {
    // Compare averages exactly (closed × the other's days) so 2/3 and 4/6 tie; no working days
    // means an average of 0.
    const std::int64_t lhs = static_cast<std::int64_t>(a.working_days > 0 ? a.closed : 0) *
                             (b.working_days > 0 ? b.working_days : 1);
    const std::int64_t rhs = static_cast<std::int64_t>(b.working_days > 0 ? b.closed : 0) *
                             (a.working_days > 0 ? a.working_days : 1);
    if (lhs != rhs) return lhs > rhs;
    if (a.closed != b.closed) return a.closed > b.closed;
    if (a.name != b.name) return a.name < b.name;
    return a.agent < b.agent;
  });
  for (std::size_t i = 0; i < out.size(); ++i) out[i].rank = static_cast<int>(i) + 1;
  return out;
}

}  // namespace frontline::core
