// The leaderboard's inputs (migration 009): the credit each resolved ticket holds, the rollups
// it is counted in (kept in the status change's transaction), and technicians' away days.
//
// Promises: a ticket holds at most one credit; add_credit and remove_credit keep the rollups
// equal to the sum of the credits; rows that reach zero are gone, so every answer omits empty
// days and groups.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/model.hpp"

namespace frontline::store {

using core::Id;

// The credit a resolved ticket holds: the technician, their local day, and what the reports
// group by as it was at the resolve (team 0: none).
struct CreditRecord {
  Id ticket_number = 0;
  Id agent_id = 0;
  std::int32_t day = 0;  // core::Day
  Id team_id = 0;
  std::string category;
  std::string channel;
};

struct AgentClosed {
  Id agent_id = 0;
  std::int64_t closed = 0;
};

struct DayClosed {
  std::int32_t day = 0;
  std::int64_t closed = 0;
};

// What a closed-tickets report groups by; keys are ids (agent, team), days or texts.
enum class ClosedGrouping { agent, team, day, category, channel };
struct ClosedGroup {
  std::string key;  // the id, day number or text, as text
  std::int64_t closed = 0;
};

class CreditRepository {
 public:
  virtual ~CreditRepository() = default;

  virtual std::optional<CreditRecord> ticket_credit(Id ticket_number) = 0;
  // Stores the ticket's credit and counts it in the rollups (the ticket must hold none: a second
  // credit throws StoreError conflict).
  virtual void add_credit(const CreditRecord& credit) = 0;
  // Deletes the ticket's credit and takes it out of the rollups at the keys of `credit`, which
  // must be the credit the ticket holds (as ticket_credit answers it). When the ticket holds
  // none, nothing changes.
  virtual void remove_credit(const CreditRecord& credit) = 0;
  // Closes per technician over [from, to] (local days, inclusive); technicians with none omitted;
  // in no particular order.
  virtual std::vector<AgentClosed> closed_by_agent(std::int32_t from, std::int32_t to) = 0;
  // One technician's closes per day over [from, to], by day; days with none omitted.
  virtual std::vector<DayClosed> closed_per_day(Id agent_id, std::int32_t from,
                                                std::int32_t to) = 0;
  // Closes over [from, to] grouped by one dimension, largest first, ties in key order.
  virtual std::vector<ClosedGroup> closed_grouped(std::int32_t from, std::int32_t to,
                                                  ClosedGrouping by) = 0;
  // (user, day) away days in [from, to], in no particular order.
  virtual std::vector<std::pair<Id, std::int32_t>> away_days(std::int32_t from,
                                                             std::int32_t to) = 0;
  // Setting a day that is set, or unsetting one that is not, changes nothing.
  virtual void set_away_day(Id user_id, std::int32_t day, bool away) = 0;
  // One user's away days, ascending.
  virtual std::vector<std::int32_t> away_days_of(Id user_id) = 0;
};

}  // namespace frontline::store
