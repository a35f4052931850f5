// PostgreSQL CreditRepository: not written yet — every call throws (see issue 14).
#include "store/postgres/not_yet.hpp"
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

std::optional<CreditRecord> PgCredits::ticket_credit(Id ticket_number) {
  throw not_yet("ticket_credit");
}

void PgCredits::add_credit(const CreditRecord& credit) { throw not_yet("add_credit"); }

void PgCredits::remove_credit(const CreditRecord& credit) { throw not_yet("remove_credit"); }

std::vector<AgentClosed> PgCredits::closed_by_agent(std::int32_t from, std::int32_t to) {
  throw not_yet("closed_by_agent");
}

std::vector<DayClosed> PgCredits::closed_per_day(Id agent_id, std::int32_t from, std::int32_t to) {
  throw not_yet("closed_per_day");
}

std::vector<ClosedGroup> PgCredits::closed_grouped(std::int32_t from, std::int32_t to,
                                                   ClosedGrouping by) {
  throw not_yet("closed_grouped");
}

std::vector<std::pair<Id, std::int32_t>> PgCredits::away_days(std::int32_t from, std::int32_t to) {
  throw not_yet("away_days");
}

void PgCredits::set_away_day(Id user_id, std::int32_t day, bool away) {
  throw not_yet("set_away_day");
}

std::vector<std::int32_t> PgCredits::away_days_of(Id user_id) { throw not_yet("away_days_of"); }

}  // namespace frontline::store::postgres
