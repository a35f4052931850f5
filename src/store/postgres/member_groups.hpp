// Teams and boards have one shape: a named row and a member table of (group id, user id). These
// read and write either, given its tables; the SQL is assembled from these fixed names only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "store/postgres/connection.hpp"

namespace frontline::store::postgres {

struct MemberGroupTables {
  const char* groups;   // id, name
  const char* members;  // <key>, user_id
  const char* key;
};
inline constexpr MemberGroupTables kTeamTables{"teams", "team_members", "team_id"};
inline constexpr MemberGroupTables kBoardTables{"boards", "board_members", "board_id"};

// Group: core::Team or core::Board ({id, name, member_ids}).
template <typename Group>
std::optional<Group> group_by_id(Connection& db, const MemberGroupTables& t, core::Id id) {
  auto s = db.prepare(std::string("SELECT id, name FROM ") + t.groups + " WHERE id = $1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  Group group{s.int64(0), s.text(1), {}};
  auto m = db.prepare(std::string("SELECT user_id FROM ") + t.members + " WHERE " + t.key +
                      " = $1 ORDER BY user_id");
  m.bind(1, id);
  while (m.step()) group.member_ids.push_back(m.int64(0));
  return group;
}

template <typename Group>
std::optional<Group> group_by_name(Connection& db, const MemberGroupTables& t,
                                   std::string_view name) {
  auto s = db.prepare(std::string("SELECT id FROM ") + t.groups + " WHERE name = $1");
  s.bind(1, name);
  if (!s.step()) return std::nullopt;
  return group_by_id<Group>(db, t, s.int64(0));
}

// By name (the column is citext: ordered ignoring case, as SQLite's NOCASE).
template <typename Group>
std::vector<Group> list_groups(Connection& db, const MemberGroupTables& t) {
  std::vector<core::Id> ids;
  {
    auto s = db.prepare(std::string("SELECT id FROM ") + t.groups + " ORDER BY name");
    while (s.step()) ids.push_back(s.int64(0));
  }
  std::vector<Group> out;
  for (core::Id id : ids) {
    if (auto g = group_by_id<Group>(db, t, id)) out.push_back(std::move(*g));
  }
  return out;
}

inline void set_group_members(Connection& db, const MemberGroupTables& t, core::Id id,
                              const std::vector<core::Id>& user_ids) {
  db.prepare(std::string("DELETE FROM ") + t.members + " WHERE " + t.key + " = $1")
      .bind(1, id)
      .run();
  const std::string insert = std::string("INSERT INTO ") + t.members + "(" + t.key +
                             ", user_id) VALUES($1, $2) ON CONFLICT DO NOTHING";
  for (core::Id user : user_ids) db.prepare(insert).bind(1, id).bind(2, user).run();
}

}  // namespace frontline::store::postgres
