// PostgreSQL repository calls for macros (SQLite migration 013, in the baseline): one row per
// macro; the assignee and team columns pair a mode with an id (see the schema), tags are
// space-separated.
#include <sstream>

#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {
namespace {

using core::Id;

// The schema's modes for an optional, clearable id.
constexpr std::int64_t kKeep = 0;
constexpr std::int64_t kClear = 1;
constexpr std::int64_t kSet = 2;
constexpr std::int64_t kApplier = 3;

constexpr const char* kColumns =
    "id, owner_id, name, status, priority, assignee_mode, assignee_id, team_mode, team_id, "
    "category, add_tags, remove_tags, reply, reply_internal, updated_at";

std::string join_tags(const std::vector<std::string>& tags) {
  std::string out;
  for (const auto& t : tags) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

std::vector<std::string> split_tags(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string tag; in >> tag;) out.push_back(tag);
  return out;
}

std::optional<std::optional<Id>> read_clearable(const Stmt& s, int mode_col, int id_col) {
  switch (s.int64(mode_col)) {
    case kClear:
      return std::optional<Id>();
    case kSet:
      return std::optional<Id>(s.int64(id_col));
    default:
      return std::nullopt;
  }
}

core::Macro read_macro(const Stmt& s) {
  core::Macro m;
  m.id = s.int64(0);
  m.owner_id = s.opt_int64(1);
  m.name = s.text(2);
  if (!s.is_null(3)) m.status = core::parse_status(s.text(3));
  if (!s.is_null(4)) m.priority = core::parse_priority(s.text(4));
  m.assign_to_me = s.int64(5) == kApplier;
  m.assignee_id = read_clearable(s, 5, 6);
  m.team_id = read_clearable(s, 7, 8);
  if (!s.is_null(9)) m.category = s.text(9);
  m.add_tags = split_tags(s.text(10));
  m.remove_tags = split_tags(s.text(11));
  m.reply = s.text(12);
  m.reply_internal = s.boolean(13);
  m.updated_at = s.int64(14);
  return m;
}

// Binds the fields every write stores, from parameter 1 on (the statement's own come after).
void bind_fields(Stmt& s, const core::Macro& m) {
  s.bind(1, m.name);
  m.status ? s.bind(2, core::to_string(*m.status)) : s.bind_null(2);
  m.priority ? s.bind(3, core::to_string(*m.priority)) : s.bind_null(3);
  const std::int64_t assignee_mode = m.assign_to_me   ? kApplier
                                     : !m.assignee_id ? kKeep
                                     : *m.assignee_id ? kSet
                                                      : kClear;
  s.bind(4, assignee_mode);
  s.bind(5, m.assignee_id && *m.assignee_id ? std::optional<std::int64_t>(**m.assignee_id)
                                            : std::nullopt);
  s.bind(6, !m.team_id ? kKeep : *m.team_id ? kSet : kClear);
  s.bind(7, m.team_id && *m.team_id ? std::optional<std::int64_t>(**m.team_id) : std::nullopt);
  m.category ? s.bind(8, *m.category) : s.bind_null(8);
  s.bind(9, join_tags(m.add_tags));
  s.bind(10, join_tags(m.remove_tags));
  s.bind(11, m.reply);
  s.bind_bool(12, m.reply_internal);
  s.bind(13, m.updated_at);
}

}  // namespace

// name is TEXT (case kept and compared exactly), so lower(name) stands for SQLite's COLLATE
// NOCASE in the order.
std::vector<core::Macro> PgMacros::list_macros(Id owner_id) {
  auto s = db_.prepare(std::string("SELECT ") + kColumns +
                       " FROM macros WHERE owner_id IS NULL OR owner_id = $1 "
                       "ORDER BY lower(name), id");
  s.bind(1, owner_id);
  std::vector<core::Macro> out;
  while (s.step()) out.push_back(read_macro(s));
  return out;
}

std::optional<core::Macro> PgMacros::macro_by_id(Id id) {
  auto s = db_.prepare(std::string("SELECT ") + kColumns + " FROM macros WHERE id = $1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_macro(s);
}

Id PgMacros::insert_macro(const core::Macro& m) {
  auto s = db_.prepare(
      "INSERT INTO macros(name, status, priority, assignee_mode, assignee_id, team_mode, team_id, "
      "category, add_tags, remove_tags, reply, reply_internal, updated_at, owner_id) "
      "VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id");
  bind_fields(s, m);
  s.bind(14, m.owner_id);
  s.step();
  return s.int64(0);
}

bool PgMacros::update_macro(const core::Macro& m) {
  auto s = db_.prepare(
      "UPDATE macros SET name = $1, status = $2, priority = $3, assignee_mode = $4, "
      "assignee_id = $5, team_mode = $6, team_id = $7, category = $8, add_tags = $9, "
      "remove_tags = $10, reply = $11, reply_internal = $12, updated_at = $13 WHERE id = $14");
  bind_fields(s, m);
  s.bind(14, m.id);
  return s.changes() > 0;
}

bool PgMacros::delete_macro(Id id) {
  auto s = db_.prepare("DELETE FROM macros WHERE id = $1");
  s.bind(1, id);
  return s.changes() > 0;
}

}  // namespace frontline::store::postgres
