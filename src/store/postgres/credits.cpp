// PostgreSQL CreditRepository: the leaderboard's credits, rollups and away days (SQLite migration
// 009, in the baseline).
// Queries are named constants next to the code that runs them; every value is bound as a parameter.
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

namespace {

// Adds delta to both rollups at the credit's keys; rows that reach 0 go, so the rollups only
// hold days with closes. In DO UPDATE the old count is qualified by its table: unqualified,
// PostgreSQL finds `closed` ambiguous (the existing row's or EXCLUDED's).
void count_in_rollups(Connection& db, const CreditRecord& c, std::int64_t delta) {
  db.prepare(
        "INSERT INTO closed_daily(agent_id, day, closed) VALUES($1, $2, $3) "
        "ON CONFLICT(agent_id, day) DO UPDATE SET closed = closed_daily.closed + $3")
      .bind(1, c.agent_id)
      .bind(2, std::int64_t{c.day})
      .bind(3, delta)
      .run();
  db.prepare(
        "INSERT INTO closed_rollup(day, team_id, category, channel, closed) "
        "VALUES($1, $2, $3, $4, $5) "
        "ON CONFLICT(day, team_id, category, channel) DO UPDATE "
        "SET closed = closed_rollup.closed + $5")
      .bind(1, std::int64_t{c.day})
      .bind(2, c.team_id)
      .bind(3, c.category)
      .bind(4, c.channel)
      .bind(5, delta)
      .run();
  if (delta < 0) {
    db.prepare("DELETE FROM closed_daily WHERE agent_id = $1 AND day = $2 AND closed <= 0")
        .bind(1, c.agent_id)
        .bind(2, std::int64_t{c.day})
        .run();
    db.prepare(
          "DELETE FROM closed_rollup WHERE day = $1 AND team_id = $2 AND category = $3 AND "
          "channel = $4 AND closed <= 0")
        .bind(1, std::int64_t{c.day})
        .bind(2, c.team_id)
        .bind(3, c.category)
        .bind(4, c.channel)
        .run();
  }
}

}  // namespace

std::optional<CreditRecord> PgCredits::ticket_credit(Id ticket_number) {
  auto s = db_.prepare(
      "SELECT agent_id, day, team_id, category, channel FROM ticket_credits "
      "WHERE ticket_number = $1");
  s.bind(1, ticket_number);
  if (!s.step()) return std::nullopt;
  return CreditRecord{ticket_number, s.int64(0), static_cast<std::int32_t>(s.int64(1)),
                      s.int64(2),    s.text(3),  s.text(4)};
}

void PgCredits::add_credit(const CreditRecord& c) {
  db_.prepare(
         "INSERT INTO ticket_credits(ticket_number, agent_id, day, team_id, category, channel) "
         "VALUES($1, $2, $3, $4, $5, $6)")
      .bind(1, c.ticket_number)
      .bind(2, c.agent_id)
      .bind(3, std::int64_t{c.day})
      .bind(4, c.team_id)
      .bind(5, c.category)
      .bind(6, c.channel)
      .run();
  count_in_rollups(db_, c, +1);
}

void PgCredits::remove_credit(const CreditRecord& c) {
  const auto removed = db_.prepare("DELETE FROM ticket_credits WHERE ticket_number = $1")
                           .bind(1, c.ticket_number)
                           .changes();
  if (removed > 0) count_in_rollups(db_, c, -1);
}

std::vector<AgentClosed> PgCredits::closed_by_agent(std::int32_t from, std::int32_t to) {
  auto s = db_.prepare(
      "SELECT agent_id, sum(closed) FROM closed_daily WHERE day BETWEEN $1 AND $2 "
      "GROUP BY agent_id");
  s.bind(1, std::int64_t{from}).bind(2, std::int64_t{to});
  std::vector<AgentClosed> out;
  while (s.step()) out.push_back({s.int64(0), s.int64(1)});
  return out;
}

std::vector<DayClosed> PgCredits::closed_per_day(Id agent_id, std::int32_t from, std::int32_t to) {
  auto s = db_.prepare(
      "SELECT day, closed FROM closed_daily WHERE agent_id = $1 AND day BETWEEN $2 AND $3 "
      "ORDER BY day");
  s.bind(1, agent_id).bind(2, std::int64_t{from}).bind(3, std::int64_t{to});
  std::vector<DayClosed> out;
  while (s.step()) out.push_back({static_cast<std::int32_t>(s.int64(0)), s.int64(1)});
  return out;
}

std::vector<ClosedGroup> PgCredits::closed_grouped(std::int32_t from, std::int32_t to,
                                                   ClosedGrouping by) {
  // The grouped column comes from this fixed list, never from the request.
  const char* column = "agent_id";
  switch (by) {
    case ClosedGrouping::agent:
      column = "agent_id";
      break;
    case ClosedGrouping::team:
      column = "team_id";
      break;
    case ClosedGrouping::day:
      column = "day";
      break;
    case ClosedGrouping::category:
      column = "category";
      break;
    case ClosedGrouping::channel:
      column = "channel";
      break;
  }
  // Per agent and per day closed_daily answers; the other groupings need closed_rollup. The
  // group is read as text (a number's decimal digits, as SQLite gives them); sum() of a BIGINT
  // is a NUMERIC, read back as a whole number all the same.
  const bool per_agent_or_day = by == ClosedGrouping::agent || by == ClosedGrouping::day;
  auto s = db_.prepare(std::string("SELECT ") + column + ", sum(closed) FROM " +
                       (per_agent_or_day ? "closed_daily" : "closed_rollup") +
                       " WHERE day BETWEEN $1 AND $2 GROUP BY 1 ORDER BY 2 DESC, 1");
  s.bind(1, std::int64_t{from}).bind(2, std::int64_t{to});
  std::vector<ClosedGroup> out;
  while (s.step()) out.push_back({s.text(0), s.int64(1)});
  return out;
}

std::vector<std::pair<Id, std::int32_t>> PgCredits::away_days(std::int32_t from, std::int32_t to) {
  auto s = db_.prepare("SELECT user_id, day FROM away_days WHERE day BETWEEN $1 AND $2");
  s.bind(1, std::int64_t{from}).bind(2, std::int64_t{to});
  std::vector<std::pair<Id, std::int32_t>> out;
  while (s.step()) out.emplace_back(s.int64(0), static_cast<std::int32_t>(s.int64(1)));
  return out;
}

void PgCredits::set_away_day(Id user_id, std::int32_t day, bool away) {
  auto s = db_.prepare(away ? "INSERT INTO away_days(user_id, day) VALUES($1, $2) "
                              "ON CONFLICT DO NOTHING"
                            : "DELETE FROM away_days WHERE user_id = $1 AND day = $2");
  s.bind(1, user_id).bind(2, std::int64_t{day}).run();
}

std::vector<std::int32_t> PgCredits::away_days_of(Id user_id) {
  auto s = db_.prepare("SELECT day FROM away_days WHERE user_id = $1 ORDER BY day");
  s.bind(1, user_id);
  std::vector<std::int32_t> out;
  while (s.step()) out.push_back(static_cast<std::int32_t>(s.int64(0)));
  return out;
}

}  // namespace frontline::store::postgres
