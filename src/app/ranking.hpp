// Who is ranked and when: named boards (admins choose whom each ranks; the company-wide board
// ranks all active staff an admin has not taken off it: the user's `ranked` flag) and away
// days (holidays and sick days do not count as working days).
// Technicians manage their own away days; admins anyone's. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/civil_date.hpp"
#include "core/model.hpp"
#include "core/result.hpp"

namespace frontline::app {

struct BoardChanges {
  std::optional<std::string> name;
  std::optional<std::vector<core::Id>> member_ids;  // agents and admins only
};

class Ranking {
 public:
  explicit Ranking(Context& ctx) : ctx_(ctx) {}

  core::Result<std::vector<core::Board>> boards(const core::Actor& actor);
  core::Result<core::Board> create_board(const core::Actor& actor, const BoardChanges& input);
  core::Result<core::Board> update_board(const core::Actor& actor, core::Id id,
                                         const BoardChanges& changes);
  core::Done delete_board(const core::Actor& actor, core::Id id);

  core::Result<std::vector<core::Day>> away_days(const core::Actor& actor, core::Id user_id);
  // `date` is YYYY-MM-DD; marking a day twice or clearing an unmarked day is not an error.
  core::Done set_away(const core::Actor& actor, core::Id user_id, std::string_view date, bool away);

 private:
  Context& ctx_;
};

}  // namespace frontline::app
