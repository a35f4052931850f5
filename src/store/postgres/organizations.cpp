// PostgreSQL OrganizationRepository: not written yet — every call throws (see issue 14).
#include "store/postgres/not_yet.hpp"
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

std::optional<core::Organization> PgOrganizations::organization_by_id(Id id) {
  throw not_yet("organization_by_id");
}

std::optional<core::Organization> PgOrganizations::organization_by_name(std::string_view name) {
  throw not_yet("organization_by_name");
}

std::vector<core::Organization> PgOrganizations::list_organizations() {
  throw not_yet("list_organizations");
}

Id PgOrganizations::insert_organization(const core::Organization& org) {
  throw not_yet("insert_organization");
}

void PgOrganizations::update_organization(const core::Organization& org) {
  throw not_yet("update_organization");
}

std::optional<core::Team> PgOrganizations::team_by_id(Id id) { throw not_yet("team_by_id"); }

std::optional<core::Team> PgOrganizations::team_by_name(std::string_view name) {
  throw not_yet("team_by_name");
}

std::vector<core::Team> PgOrganizations::list_teams() { throw not_yet("list_teams"); }

Id PgOrganizations::insert_team(const core::Team& team) { throw not_yet("insert_team"); }

void PgOrganizations::set_team_members(Id team_id, const std::vector<Id>& user_ids) {
  throw not_yet("set_team_members");
}

std::vector<core::Board> PgOrganizations::list_boards() { throw not_yet("list_boards"); }

std::optional<core::Board> PgOrganizations::board_by_id(Id id) { throw not_yet("board_by_id"); }

std::optional<core::Board> PgOrganizations::board_by_name(std::string_view name) {
  throw not_yet("board_by_name");
}

Id PgOrganizations::insert_board(const core::Board& board, UnixTime now) {
  throw not_yet("insert_board");
}

void PgOrganizations::update_board(const core::Board& board) { throw not_yet("update_board"); }

bool PgOrganizations::delete_board(Id id) { throw not_yet("delete_board"); }

}  // namespace frontline::store::postgres
