// SQLite OrganizationRepository: organisations, teams and boards. Queries are named constants next
// to the code that runs them; every value is bound as a parameter.
#include "store/sqlite/member_groups.hpp"
#include "store/sqlite/repositories.hpp"

namespace frontline::store::sqlite {

using core::Id;

namespace {

constexpr const char* kOrganizationColumns =
    "SELECT id, name, share_tickets, work_week FROM organizations ";

core::Organization read_organization(const Stmt& s) {
  return {s.int64(0), s.text(1), s.int64(2) != 0, static_cast<std::uint8_t>(s.int64(3))};
}

}  // namespace

std::optional<core::Organization> SqliteOrganizations::organization_by_id(Id id) {
  auto s = db_.prepare(std::string(kOrganizationColumns) + "WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_organization(s);
}

std::optional<core::Organization> SqliteOrganizations::organization_by_name(std::string_view name) {
  auto s = db_.prepare(std::string(kOrganizationColumns) + "WHERE name = ?");
  s.bind(1, name);
  if (!s.step()) return std::nullopt;
  return read_organization(s);
}

std::vector<core::Organization> SqliteOrganizations::list_organizations() {
  auto s = db_.prepare(std::string(kOrganizationColumns) + "ORDER BY name");
  std::vector<core::Organization> out;
  while (s.step()) out.push_back(read_organization(s));
  return out;
}

Id SqliteOrganizations::insert_organization(const core::Organization& org) {
  db_.prepare(
         "INSERT INTO organizations(name, share_tickets, work_week, created_at) VALUES(?, ?, ?, "
         "unixepoch())")
      .bind(1, org.name)
      .bind(2, std::int64_t{org.share_tickets})
      .bind(3, std::int64_t{org.work_week})
      .run();
  return db_.last_insert_rowid();
}

void SqliteOrganizations::update_organization(const core::Organization& org) {
  db_.prepare("UPDATE organizations SET name = ?, share_tickets = ?, work_week = ? WHERE id = ?")
      .bind(1, org.name)
      .bind(2, std::int64_t{org.share_tickets})
      .bind(3, std::int64_t{org.work_week})
      .bind(4, org.id)
      .run();
}

std::optional<core::Team> SqliteOrganizations::team_by_id(Id id) {
  return group_by_id<core::Team>(db_, kTeamTables, id);
}

std::optional<core::Team> SqliteOrganizations::team_by_name(std::string_view name) {
  return group_by_name<core::Team>(db_, kTeamTables, name);
}

std::vector<core::Team> SqliteOrganizations::list_teams() {
  return list_groups<core::Team>(db_, kTeamTables);
}

Id SqliteOrganizations::insert_team(const core::Team& team) {
  db_.prepare("INSERT INTO teams(name, created_at) VALUES(?, unixepoch())")
      .bind(1, team.name)
      .run();
  Id id = db_.last_insert_rowid();
  set_team_members(id, team.member_ids);
  return id;
}

void SqliteOrganizations::set_team_members(Id team_id, const std::vector<Id>& user_ids) {
  set_group_members(db_, kTeamTables, team_id, user_ids);
}

std::vector<core::Board> SqliteOrganizations::list_boards() {
  return list_groups<core::Board>(db_, kBoardTables);
}

std::optional<core::Board> SqliteOrganizations::board_by_id(Id id) {
  return group_by_id<core::Board>(db_, kBoardTables, id);
}

std::optional<core::Board> SqliteOrganizations::board_by_name(std::string_view name) {
  return group_by_name<core::Board>(db_, kBoardTables, name);
}

Id SqliteOrganizations::insert_board(const core::Board& board, UnixTime now) {
  db_.prepare("INSERT INTO boards(name, created_at) VALUES(?, ?)")
      .bind(1, board.name)
      .bind(2, now)
      .run();
  const Id id = db_.last_insert_rowid();
  set_group_members(db_, kBoardTables, id, board.member_ids);
  return id;
}

void SqliteOrganizations::update_board(const core::Board& board) {
  db_.prepare("UPDATE boards SET name = ? WHERE id = ?")
      .bind(1, board.name)
      .bind(2, board.id)
      .run();
  set_group_members(db_, kBoardTables, board.id, board.member_ids);
}

bool SqliteOrganizations::delete_board(Id id) {
  db_.prepare("DELETE FROM board_members WHERE board_id = ?").bind(1, id).run();
  db_.prepare("DELETE FROM boards WHERE id = ?").bind(1, id).run();
  return db_.changes() > 0;
}

}  // namespace frontline::store::sqlite
