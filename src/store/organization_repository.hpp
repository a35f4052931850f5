// Groupings of people: customer organisations, staff teams, and leaderboard boards.
//
// Promises: names are unique regardless of case (a clash throws StoreError conflict) and the
// *_by_name lookups ignore case; lists are by name; member ids are ascending, each once (a
// repeated id is kept once); replacing members is all-or-nothing within the Tx (an id that is
// not a user throws StoreError not_found). Missing rows are nullopt.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace frontline::store {

using core::Id;
using core::UnixTime;

class OrganizationRepository {
 public:
  virtual ~OrganizationRepository() = default;

  virtual std::optional<core::Organization> organization_by_id(Id id) = 0;
  virtual std::optional<core::Organization> organization_by_name(std::string_view name) = 0;
  virtual std::vector<core::Organization> list_organizations() = 0;
  virtual Id insert_organization(const core::Organization& org) = 0;
  virtual void update_organization(const core::Organization& org) = 0;
  virtual std::optional<core::Team> team_by_id(Id id) = 0;
  virtual std::optional<core::Team> team_by_name(std::string_view name) = 0;
  virtual std::vector<core::Team> list_teams() = 0;
  virtual Id insert_team(const core::Team& team) = 0;
  virtual void set_team_members(Id team_id, const std::vector<Id>& user_ids) = 0;
  virtual std::vector<core::Board> list_boards() = 0;
  virtual std::optional<core::Board> board_by_id(Id id) = 0;
  virtual std::optional<core::Board> board_by_name(std::string_view name) = 0;
  virtual Id insert_board(const core::Board& board, UnixTime now) = 0;
  virtual void update_board(const core::Board& board) = 0;  // name and members
  // The board and its members; false when there was no such board.
  virtual bool delete_board(Id id) = 0;
};

}  // namespace frontline::store
