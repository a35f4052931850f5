// Reports from the rollups (see header).
#include "app/reports.hpp"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>

#include "app/directory.hpp"
#include "app/event_data.hpp"
#include "app/local_time.hpp"
#include "core/leaderboard.hpp"
#include "core/text.hpp"

namespace frontline::app {

using core::Day;
using core::Errc;
using core::Id;
using core::make_error;
using core::Result;

namespace {

constexpr int kMaxWindowDays = 366;
// Ten years: a report over the whole history still reads only rollup rows.
constexpr int kMaxReportDays = 3660;
constexpr std::size_t kTopLines = 10;
constexpr std::size_t kQueueBatch = 100;  // reports per write unit: the writer is not held long
constexpr const char* kMailKind = "morning_report";

// What ranking needs about the active staff, read once per request.
struct Person {
  core::User user;
  Day since = 0;  // the local day their account was created
  core::WorkWeek week;
  std::string team;
};

struct StaffDirectory {
  std::vector<Person> people;  // active agents and admins, by id
  std::unordered_map<Id, std::size_t> index;
  const Person* find(Id id) const {
    auto it = index.find(id);
    return it == index.end() ? nullptr : &people[it->second];
  }
};

StaffDirectory load_directory(store::Tx& tx) {
  std::unordered_map<Id, std::uint8_t> weeks;
  for (const auto& org : tx.organizations().list_organizations()) weeks[org.id] = org.work_week;
  std::unordered_map<Id, std::string> teams;  // each person's first team by name
  for (const auto& team : tx.organizations().list_teams()) {
    for (Id member : team.member_ids) teams.try_emplace(member, team.name);
  }
  StaffDirectory d;
  for (auto& u : tx.accounts().list_staff()) {
    if (u.disabled) continue;
    Person p;
    p.since = local_day(u.created_at, u.timezone);
    if (u.organization_id) {
      if (auto it = weeks.find(*u.organization_id); it != weeks.end()) p.week.days = it->second;
    }
    if (auto it = teams.find(u.id); it != teams.end()) p.team = it->second;
    p.user = std::move(u);
    d.index[p.user.id] = d.people.size();
    d.people.push_back(std::move(p));
  }
  return d;
}

// Ranks `members` (when null: all active staff who are ranked) over [from, to].
std::vector<BoardLine> rank(store::Tx& tx, const StaffDirectory& dir,
                            const std::vector<Id>* members, Day from, Day to) {
  std::unordered_map<Id, std::int64_t> closed;
  for (const auto& c : tx.credits().closed_by_agent(from, to)) closed[c.agent_id] = c.closed;
  std::unordered_map<Id, std::set<Day>> away;
  for (const auto& [user, day] : tx.credits().away_days(from, to)) away[user].insert(day);
  static const std::set<Day> kNone;
  std::vector<core::BoardInput> inputs;
  auto add = [&](const Person& p) {
    auto a = away.find(p.user.id);
    auto c = closed.find(p.user.id);
    // A day with closes is a worked day; only people who closed something need their days.
    std::set<Day> closed_on;
    if (c != closed.end()) {
      for (const auto& d : tx.credits().closed_per_day(p.user.id, from, to))
        closed_on.insert(d.day);
    }
    const int days = core::working_days(from, to, p.week, p.since,
                                        a == away.end() ? kNone : a->second, closed_on);
    inputs.push_back(
        {p.user.id, p.user.name, c == closed.end() ? 0 : static_cast<int>(c->second), days});
  };
  if (members) {
    for (Id id : *members) {
      if (const auto* p = dir.find(id)) add(*p);
    }
  } else {  // the company-wide board: everyone admins have not taken off it
    for (const auto& p : dir.people) {
      if (p.user.ranked) add(p);
    }
  }
  std::vector<BoardLine> out;
  for (const auto& e : core::rank_board(std::move(inputs))) {
    const auto* p = dir.find(e.agent);
    out.push_back({e.rank, e.agent, e.name, p->user.email, p->team, e.closed, e.working_days,
                   e.average_per_day, std::nullopt});
  }
  return out;
}

Result<int> parse_window(const std::string& w) {
  int days = 0;
  const char* end = w.data() + w.size();
  if (w.size() >= 2 && w.back() == 'd') {
    auto [ptr, ec] = std::from_chars(w.data(), end - 1, days);
    if (ec == std::errc() && ptr == end - 1 && days >= 1 && days <= kMaxWindowDays) return days;
  }
  return core::invalid_field("window", "must be a number of days from 1d to 366d, like 14d");
}

// The date in `raw`, or `fallback()` when there is none (it reads the caller's time zone, so
// only when needed).
template <typename Fallback>
Result<Day> parse_date(const std::optional<std::string>& raw, const char* field,
                       Fallback&& fallback) {
  if (!raw) return fallback();
  auto d = core::parse_day(*raw);
  if (!d) return core::invalid_field(field, "must be a date like 2026-11-24");
  return *d;
}

std::optional<store::ClosedGrouping> parse_grouping(const std::string& s) {
  using G = store::ClosedGrouping;
  static const std::map<std::string, G> kNames{{"agent", G::agent},
                                               {"team", G::team},
                                               {"day", G::day},
                                               {"category", G::category},
                                               {"channel", G::channel}};
  auto it = kNames.find(s);
  if (it == kNames.end()) return std::nullopt;
  return it->second;
}

Day today_for(store::Tx& tx, const core::Actor& actor, core::UnixTime now) {
  auto user = tx.accounts().user_by_id(actor.id);
  return local_day(now, user ? user->timezone : "UTC");
}

// The board a technician's report shows: the first named board they belong to, else the
// company-wide one.
const core::Board* board_of(const std::vector<core::Board>& boards, Id agent) {
  for (const auto& b : boards) {
    if (std::find(b.member_ids.begin(), b.member_ids.end(), agent) != b.member_ids.end()) {
      return &b;
    }
  }
  return nullptr;
}

// The orphan services of the directory per person who should close the gap: the leads of the
// service's team — its enabled members who are admins, or all its enabled members when none is
// an admin (teams have no lead of their own) — and, for a service no team member can take (no
// team, a team gone or without enabled members), every enabled admin.
std::map<Id, std::vector<OrphanLine>> orphans_by_lead(store::Tx& tx, const StaffDirectory& dir,
                                                      core::UnixTime now) {
  std::map<Id, std::vector<OrphanLine>> out;
  const auto orphans = find_orphans(tx, now);
  if (orphans.empty()) return out;
  std::vector<Id> admins;
  for (const auto& p : dir.people) {
    if (p.user.role == core::Role::admin) admins.push_back(p.user.id);
  }
  std::map<Id, std::vector<Id>> leads_of;  // per team
  auto leads = [&](Id team_id) -> const std::vector<Id>& {
    if (auto it = leads_of.find(team_id); it != leads_of.end()) return it->second;
    std::vector<Id> members, admin_members;
    if (auto team = tx.organizations().team_by_id(team_id)) {
      for (Id m : team->member_ids) {
        const Person* p = dir.find(m);
        if (!p) continue;  // disabled, or not staff
        members.push_back(m);
        if (p->user.role == core::Role::admin) admin_members.push_back(m);
      }
    }
    return leads_of.emplace(team_id, admin_members.empty() ? members : admin_members).first->second;
  };
  for (const auto& o : orphans) {
    const auto& s = o.service.service;
    OrphanLine line{s.name, std::string(core::to_string(o.reason)), o.open_tickets};
    const std::vector<Id>* to = s.team_id ? &leads(*s.team_id) : nullptr;
    if (!to || to->empty()) to = &admins;
    for (Id lead : *to) out[lead].push_back(line);
  }
  return out;
}

// Assembles the reports dated `date` for `who`, ranking each board once; orphans are checked at
// `now`.
std::vector<MorningReport> build_reports(store::Tx& tx, const StaffDirectory& dir, Day date,
                                         const std::vector<const Person*>& who,
                                         core::UnixTime now) {
  const auto orphans = orphans_by_lead(tx, dir, now);
  const auto window = core::morning_report_window(date);
  const auto yesterday = core::morning_report_window(date - 1);
  const auto boards = tx.organizations().list_boards();
  struct Ranked {
    std::vector<BoardLine> lines;
    std::vector<std::pair<std::string, int>> team_totals;
  };
  std::map<const core::Board*, Ranked> ranked;
  auto ranking = [&](const core::Board* board) -> const Ranked& {
    auto it = ranked.find(board);
    if (it != ranked.end()) return it->second;
    const auto* members = board ? &board->member_ids : nullptr;
    Ranked r;
    r.lines = rank(tx, dir, members, window.from, window.to);
    std::unordered_map<Id, int> before;
    for (const auto& l : rank(tx, dir, members, yesterday.from, yesterday.to)) {
      before[l.agent_id] = l.rank;
    }
    std::map<std::string, int> totals;
    for (auto& l : r.lines) {
      if (auto b = before.find(l.agent_id); b != before.end()) l.movement = b->second - l.rank;
      totals[l.team.empty() ? "No team" : l.team] += l.closed;
    }
    r.team_totals.assign(totals.begin(), totals.end());
    std::stable_sort(r.team_totals.begin(), r.team_totals.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return ranked.emplace(board, std::move(r)).first->second;
  };
  std::vector<MorningReport> out;
  for (const auto* p : who) {
    const auto* board = board_of(boards, p->user.id);
    const auto& r = ranking(board);
    MorningReport m;
    m.agent = p->user;
    m.date = date;
    m.from = window.from;
    m.to = window.to;
    m.closed_per_day.assign(static_cast<std::size_t>(window.to - window.from + 1), 0);
    for (const auto& d : tx.credits().closed_per_day(p->user.id, window.from, window.to)) {
      m.closed_per_day[static_cast<std::size_t>(d.day - window.from)] = static_cast<int>(d.closed);
    }
    m.board = board ? board->name : "";
    for (const auto& l : r.lines) {
      if (m.top.size() < kTopLines) {
        m.top.push_back(l);
      } else if (l.agent_id == p->user.id) {
        m.own = l;
      }
    }
    m.team_totals = r.team_totals;
    if (auto it = orphans.find(p->user.id); it != orphans.end()) m.orphans = it->second;
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

Result<Leaderboard> Reports::leaderboard(const core::Actor& actor, const LeaderboardQuery& q) {
  if (!actor.is_staff()) return make_error(Errc::forbidden, "reports are for staff");
  auto days = parse_window(q.window);
  if (!days) return days.take_error();
  const auto now = ctx_.clock.now();
  return in_read<Leaderboard>(ctx_.db, [&](store::Tx& tx) -> Result<Leaderboard> {
    auto last = parse_date(q.date, "date", [&] { return today_for(tx, actor, now); });
    if (!last) return last.take_error();
    std::optional<core::Board> board;
    if (!q.board.empty()) {
      board = tx.organizations().board_by_name(q.board);
      if (!board) return core::invalid_field("board", "no such board");
    }
    const auto w = core::window_ending(*last, *days);
    Leaderboard out;
    out.window_days = *days;
    out.from = w.from;
    out.to = w.to;
    out.board = board ? board->name : "";
    out.entries = rank(tx, load_directory(tx), board ? &board->member_ids : nullptr, w.from, w.to);
    return out;
  });
}

Result<ClosedReport> Reports::closed(const core::Actor& actor, const ClosedReportQuery& q) {
  if (!actor.is_staff()) return make_error(Errc::forbidden, "reports are for staff");
  auto by = parse_grouping(q.group_by);
  if (!by) {
    return core::invalid_field("group_by", "must be agent, team, day, category or channel");
  }
  const auto now = ctx_.clock.now();
  return in_read<ClosedReport>(ctx_.db, [&](store::Tx& tx) -> Result<ClosedReport> {
    auto to = parse_date(q.to, "to", [&] { return today_for(tx, actor, now); });
    if (!to) return to.take_error();
    auto from = parse_date(q.from, "from", [&] { return *to - 13; });
    if (!from) return from.take_error();
    if (*from > *to) {
      return core::invalid_field("from", "must not be after to",
                                 "The \"from\" date is after the \"to\" date. Choose a \"from\" "
                                 "date on or before the \"to\" date.");
    }
    if (*to - *from + 1 > kMaxReportDays) {
      return core::invalid_field("from", "a report covers at most 3660 days");
    }
    ClosedReport out;
    out.from = *from;
    out.to = *to;
    out.group_by = q.group_by;
    auto groups = tx.credits().closed_grouped(*from, *to, *by);
    std::unordered_map<std::string, std::string> labels;
    if (*by == store::ClosedGrouping::agent) {
      for (const auto& u : tx.accounts().list_staff()) labels[std::to_string(u.id)] = u.name;
    } else if (*by == store::ClosedGrouping::team) {
      for (const auto& t : tx.organizations().list_teams()) labels[std::to_string(t.id)] = t.name;
      labels["0"] = "No team";
    }
    for (auto& g : groups) {
      out.total += g.closed;
      std::string label = g.key;
      if (*by == store::ClosedGrouping::day) {
        Day d = 0;
        std::from_chars(g.key.data(), g.key.data() + g.key.size(), d);
        g.key = core::format_day(d);
        label = g.key;
      } else if (auto it = labels.find(g.key); it != labels.end()) {
        label = it->second;
      } else if (*by == store::ClosedGrouping::category && g.key.empty()) {
        label = "No category";
      }
      out.rows.push_back({std::move(g.key), std::move(label), g.closed});
    }
    if (*by == store::ClosedGrouping::day) {  // a time series reads oldest first (ISO dates sort)
      std::sort(out.rows.begin(), out.rows.end(),
                [](const auto& a, const auto& b) { return a.key < b.key; });
    }
    return out;
  });
}

Result<std::vector<MorningReport>> Reports::morning_reports(
    Day date, const std::optional<std::string>& agent_email) {
  const auto now = ctx_.clock.now();
  return in_read<std::vector<MorningReport>>(
      ctx_.db, [&](store::Tx& tx) -> Result<std::vector<MorningReport>> {
        const auto dir = load_directory(tx);
        const auto wanted = core::to_lower_ascii(agent_email.value_or(""));
        std::vector<const Person*> who;
        for (const auto& p : dir.people) {
          if (agent_email ? core::to_lower_ascii(p.user.email) == wanted : p.user.morning_report) {
            who.push_back(&p);
          }
        }
        if (agent_email && who.empty()) {
          return make_error(Errc::not_found, "no active technician " + *agent_email);
        }
        return build_reports(tx, dir, date, who, now);
      });
}

Result<int> Reports::queue_morning_reports(const std::vector<MorningReport>& reports,
                                           const OutboundSettings& settings) {
  const auto now = ctx_.clock.now();
  int queued = 0;
  for (std::size_t begin = 0; begin < reports.size(); begin += kQueueBatch) {
    const auto end = std::min(reports.size(), begin + kQueueBatch);
    auto batch = in_write<int>(ctx_.db, [&](store::Tx& tx) -> Result<int> {
      int n = 0;
      for (auto i = begin; i < end; ++i) {
        const auto& r = reports[i];
        core::OutboundMail m;
        m.event_id = r.date;  // with the kind and recipient: once per technician and date
        m.kind = kMailKind;
        m.recipient = r.agent.email;
        m.subject = morning_report_subject(r);
        m.body = morning_report_text(r);
        m.html = morning_report_html(r);
        m.message_id = new_message_id(0, r.date, settings);
        m.auto_submitted = "auto-generated";
        m.created_at = now;
        m.next_attempt_at = now;
        if (!tx.mail().insert_outbound_mail(m)) continue;  // queued before (here or elsewhere)
        record_event(tx, core::Actor{}, std::nullopt, core::EventType::mail_queued,
                     EventData().add("to", m.recipient).add("kind", m.kind).str(), now);
        ++n;
      }
      return n;
    });
    if (!batch) return batch.take_error();
    queued += *batch;
  }
  return queued;
}

Result<int> Reports::queue_due_morning_reports(int hour, const OutboundSettings& settings) {
  const auto now = ctx_.clock.now();
  auto reports = in_read<std::vector<MorningReport>>(
      ctx_.db, [&](store::Tx& tx) -> Result<std::vector<MorningReport>> {
        const auto dir = load_directory(tx);
        // Whose local clock has passed the hour, by their local date (zones differ).
        std::map<Day, std::vector<const Person*>> due;
        for (const auto& p : dir.people) {
          if (!p.user.morning_report) continue;
          const auto local = local_time(now, p.user.timezone);
          if (local.hour >= hour) due[local.day].push_back(&p);
        }
        std::vector<MorningReport> out;
        for (auto& [date, people] : due) {
          const auto sent = tx.mail().mail_recipients(date, kMailKind);
          const std::set<std::string> already(sent.begin(), sent.end());
          std::erase_if(people, [&](const Person* p) { return already.contains(p->user.email); });
          if (people.empty()) continue;
          auto built = build_reports(tx, dir, date, people, now);
          std::move(built.begin(), built.end(), std::back_inserter(out));
        }
        return out;
      });
  if (!reports) return reports.take_error();
  if (reports->empty()) return 0;
  return queue_morning_reports(*reports, settings);
}

}  // namespace frontline::app
