// PostgreSQL OrganizationRepository: organisations, teams and boards. Queries are named constants
// next to the code that runs them; every value is bound as a parameter.
#include "store/postgres/member_groups.hpp"
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

namespace {

constexpr const char* kOrganizationColumns =
    "SELECT id, name, share_tickets, work_week FROM organizations ";

core::Organization read_organization(const Stmt& s) {
  return {s.int64(0), s.text(1), s.boolean(2), static_cast<std::uint8_t>(s.int64(3))};
}

}  // namespace

std::optional<core::Organization> PgOrganizations::organization_by_id(Id id) {
  auto s = db_.prepare(std::string(kOrganizationColumns) + "WHERE id = $1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_organization(s);
}

std::optional<core::Organization> PgOrganizations::organization_by_name(std::string_view name) {
  auto s = db_.prepare(std::string(kOrganizationColumns) + "WHERE name = $1");
  s.bind(1, name);
  if (!s.step()) return std::nullopt;
  return read_organization(s);
}

std::vector<core::Organization> PgOrganizations::list_organizations() {
  auto s = db_.prepare(std::string(kOrganizationColumns) + "ORDER BY name");
  std::vector<core::Organization> out;
  while (s.step()) out.push_back(read_organization(s));
  return out;
}

Id PgOrganizations::insert_organization(const core::Organization& org) {
  // extract(epoch …) is SQLite's unixepoch(): the server's clock, in whole seconds.
  auto s = db_.prepare(
      "INSERT INTO organizations(name, share_tickets, work_week, created_at) VALUES($1, $2, $3, "
      "extract(epoch FROM now())::bigint) RETURNING id");
  s.bind(1, org.name).bind_bool(2, org.share_tickets).bind(3, std::int64_t{org.work_week});
  s.step();
  return s.int64(0);
}

void PgOrganizations::update_organization(const core::Organization& org) {
  identity_.changed = true;
  db_.prepare(
         "UPDATE organizations SET name = $1, share_tickets = $2, work_week = $3 WHERE id = $4")
      .bind(1, org.name)
      .bind_bool(2, org.share_tickets)
      .bind(3, std::int64_t{org.work_week})
      .bind(4, org.id)
      .run();
}

std::optional<core::Team> PgOrganizations::team_by_id(Id id) {
  return group_by_id<core::Team>(db_, kTeamTables, id);
}

std::optional<core::Team> PgOrganizations::team_by_name(std::string_view name) {
  return group_by_name<core::Team>(db_, kTeamTables, name);
}

std::vector<core::Team> PgOrganizations::list_teams() {
  return list_groups<core::Team>(db_, kTeamTables);
}

Id PgOrganizations::insert_team(const core::Team& team) {
  auto s = db_.prepare(
      "INSERT INTO teams(name, created_at) VALUES($1, extract(epoch FROM now())::bigint) "
      "RETURNING id");
  s.bind(1, team.name);
  s.step();
  const Id id = s.int64(0);
  set_team_members(id, team.member_ids);
  return id;
}

void PgOrganizations::set_team_members(Id team_id, const std::vector<Id>& user_ids) {
  set_group_members(db_, kTeamTables, team_id, user_ids);
}

std::vector<core::Board> PgOrganizations::list_boards() {
  return list_groups<core::Board>(db_, kBoardTables);
}

std::optional<core::Board> PgOrganizations::board_by_id(Id id) {
  return group_by_id<core::Board>(db_, kBoardTables, id);
}

std::optional<core::Board> PgOrganizations::board_by_name(std::string_view name) {
  return group_by_name<core::Board>(db_, kBoardTables, name);
}

Id PgOrganizations::insert_board(const core::Board& board, UnixTime now) {
  auto s = db_.prepare("INSERT INTO boards(name, created_at) VALUES($1, $2) RETURNING id");
  s.bind(1, board.name).bind(2, now);
  s.step();
  const Id id = s.int64(0);
  set_group_members(db_, kBoardTables, id, board.member_ids);
  return id;
}

void PgOrganizations::update_board(const core::Board& board) {
  db_.prepare("UPDATE boards SET name = $1 WHERE id = $2")
      .bind(1, board.name)
      .bind(2, board.id)
      .run();
  set_group_members(db_, kBoardTables, board.id, board.member_ids);
}

bool PgOrganizations::delete_board(Id id) {
  db_.prepare("DELETE FROM board_members WHERE board_id = $1").bind(1, id).run();
  return db_.prepare("DELETE FROM boards WHERE id = $1").bind(1, id).changes() > 0;
}

}  // namespace frontline::store::postgres
