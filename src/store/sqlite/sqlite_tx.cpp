// SQLite repository calls. Queries are named constants next to the code that runs them; list
// queries are assembled from fixed fragments, with every value bound as a parameter.
#include "store/sqlite/sqlite_tx.hpp"

#include <string>
#include <variant>

#include "store/sqlite/member_groups.hpp"

namespace frontline::store::sqlite {
namespace {

using core::Id;

constexpr char kTagSeparator = '\x1f';
// How many of the newest matching tickets a search scores for relevance (see list_tickets):
// 250 cost 2-4 ms per query on a million tickets, 100 about 1 ms.
constexpr std::int64_t kSearchWindow = 100;

constexpr const char* kUserColumns =
    "SELECT id, email, name, role, organization_id, timezone, disabled, verified, created_at, "
    "morning_report, ranked FROM users ";

core::User read_user(const Stmt& s) {
  core::User u;
  u.id = s.int64(0);
  u.email = s.text(1);
  u.name = s.text(2);
  u.role = core::parse_role(s.text(3)).value_or(core::Role::customer);
  u.organization_id = s.opt_int64(4);
  u.timezone = s.text(5);
  u.disabled = s.int64(6) != 0;
  u.verified = s.int64(7) != 0;
  u.created_at = s.int64(8);
  u.morning_report = s.int64(9) != 0;
  u.ranked = s.int64(10) != 0;
  return u;
}

constexpr const char* kActorColumns =
    "SELECT u.id, u.role, u.organization_id, coalesce(o.share_tickets, 0), u.email, u.name, "
    "u.disabled FROM users u LEFT JOIN organizations o ON o.id = u.organization_id ";

constexpr const char* kMessageColumns =
    "SELECT m.id, m.ticket_number, m.kind, m.author_id, u.name, m.body, m.created_at, "
    "coalesce(m.email_message_id, ''), m.unverified_sender FROM messages m "
    "JOIN users u ON u.id = m.author_id ";

core::Message read_message(const Stmt& s) {
  core::Message m;
  m.id = s.int64(0);
  m.ticket_number = s.int64(1);
  m.kind = core::parse_message_kind(s.text(2)).value_or(core::MessageKind::system);
  m.author_id = s.int64(3);
  m.author_name = s.text(4);
  m.body = s.text(5);
  m.created_at = s.int64(6);
  m.email_message_id = s.text(7);
  m.unverified_sender = s.int64(8) != 0;
  return m;
}

constexpr const char* kTicketColumns =
    "SELECT t.number, t.subject, t.status, t.priority, t.requester_id, t.organization_id, "
    "t.assignee_id, t.team_id, t.category, t.channel, t.created_at, t.updated_at, "
    "t.first_response_at, t.resolved_at, t.closed_at, t.merged_into, t.version, u.email, u.name, "
    "(SELECT group_concat(tag, char(31)) FROM ticket_tags WHERE ticket_number = t.number), "
    "t.public_version, t.public_updated_at ";

core::Ticket read_ticket(const Stmt& s) {
  core::Ticket t;
  t.number = s.int64(0);
  t.subject = s.text(1);
  t.status = core::parse_status(s.text(2)).value_or(core::Status::open);
  t.priority = core::parse_priority(s.text(3)).value_or(core::Priority::normal);
  t.requester_id = s.int64(4);
  t.organization_id = s.opt_int64(5);
  t.assignee_id = s.opt_int64(6);
  t.team_id = s.opt_int64(7);
  t.category = s.text(8);
  t.channel = core::parse_channel(s.text(9)).value_or(core::Channel::web);
  t.created_at = s.int64(10);
  t.updated_at = s.int64(11);
  t.first_response_at = s.opt_int64(12);
  t.resolved_at = s.opt_int64(13);
  t.closed_at = s.opt_int64(14);
  t.merged_into = s.opt_int64(15);
  t.version = s.int64(16);
  t.requester_email = s.text(17);
  t.requester_name = s.text(18);
  std::string tags = s.text(19);
  std::size_t start = 0;
  while (start < tags.size()) {
    std::size_t end = tags.find(kTagSeparator, start);
    if (end == std::string::npos) end = tags.size();
    t.tags.push_back(tags.substr(start, end - start));
    start = end + 1;
  }
  t.public_version = s.int64(20);
  t.public_updated_at = s.int64(21);
  return t;
}

core::Event read_event(const Stmt& s) {
  core::Event e;
  e.id = s.int64(0);
  e.ticket_number = s.opt_int64(1);
  e.actor_id = s.opt_int64(2);
  e.type = s.text(3);
  e.data = s.text(4);
  e.internal = s.int64(5) != 0;
  e.created_at = s.int64(6);
  return e;
}

constexpr const char* kEventColumns =
    "SELECT id, ticket_number, actor_id, type, data, internal, created_at FROM events ";

core::Attachment read_attachment(const Stmt& s) {
  core::Attachment a;
  a.id = s.int64(0);
  a.ticket_number = s.int64(1);
  a.message_id = s.opt_int64(2);
  a.filename = s.text(3);
  a.content_type = s.text(4);
  a.size = s.int64(5);
  a.sha256 = s.text(6);
  a.created_at = s.int64(7);
  return a;
}

constexpr const char* kAttachmentColumns =
    "SELECT id, ticket_number, message_id, filename, content_type, size, sha256, created_at "
    "FROM attachments ";

// The facets column's token for a status: letters only, so the tokenizer keeps it whole.
std::string status_facet(core::Status status) {
  std::string token = "zzstatus";
  for (char c : core::to_string(status)) {
    if (c != '_') token += c;
  }
  return token;
}

}  // namespace

// ---------------------------------------------------------------- users

std::optional<core::User> SqliteTx::user_by_id(Id id) {
  auto s = db_.prepare(std::string(kUserColumns) + "WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_user(s);
}

std::optional<core::User> SqliteTx::user_by_email(std::string_view email) {
  auto s = db_.prepare(std::string(kUserColumns) + "WHERE email = ?");
  s.bind(1, email);
  if (!s.step()) return std::nullopt;
  return read_user(s);
}

std::vector<core::User> SqliteTx::list_users(std::optional<core::Role> role,
                                             std::string_view contains, int limit, Id after_id) {
  // instr() rather than LIKE: no wildcard characters to escape in what a person typed.
  auto s = db_.prepare(std::string(kUserColumns) +
                       "WHERE id > ?1 AND (?2 IS NULL OR role = ?2) AND (?4 = '' OR "
                       "instr(lower(name), lower(?4)) > 0 OR instr(lower(email), lower(?4)) > 0) "
                       "ORDER BY id LIMIT ?3");
  s.bind(1, after_id);
  if (role) {
    s.bind(2, core::to_string(*role));
  } else {
    s.bind_null(2);
  }
  s.bind(3, static_cast<std::int64_t>(limit));
  s.bind(4, contains);
  std::vector<core::User> out;
  while (s.step()) out.push_back(read_user(s));
  return out;
}

std::vector<core::User> SqliteTx::list_staff() {
  auto s = db_.prepare(std::string(kUserColumns) + "WHERE role IN ('agent', 'admin') ORDER BY id");
  std::vector<core::User> out;
  while (s.step()) out.push_back(read_user(s));
  return out;
}

std::vector<core::Category> SqliteTx::list_categories() {
  auto s = db_.prepare("SELECT id, name FROM categories ORDER BY name COLLATE NOCASE");
  std::vector<core::Category> out;
  while (s.step()) out.push_back({s.int64(0), s.text(1)});
  return out;
}

std::optional<core::Category> SqliteTx::category_by_name(std::string_view name) {
  auto s = db_.prepare("SELECT id, name FROM categories WHERE name = ? COLLATE NOCASE");
  s.bind(1, name);
  if (!s.step()) return std::nullopt;
  return core::Category{s.int64(0), s.text(1)};
}

Id SqliteTx::insert_category(std::string_view name) {
  db_.prepare("INSERT INTO categories(name) VALUES(?)").bind(1, name).run();
  return db_.last_insert_rowid();
}

bool SqliteTx::delete_category(Id id) {
  db_.prepare("DELETE FROM categories WHERE id = ?").bind(1, id).run();
  return db_.changes() > 0;
}

std::vector<core::SavedFilter> SqliteTx::list_saved_filters(Id user_id) {
  auto s = db_.prepare(
      "SELECT id, user_id, name, query FROM saved_filters WHERE user_id = ? ORDER BY id");
  s.bind(1, user_id);
  std::vector<core::SavedFilter> out;
  while (s.step()) out.push_back({s.int64(0), s.int64(1), s.text(2), s.text(3)});
  return out;
}

Id SqliteTx::insert_saved_filter(const core::SavedFilter& f) {
  db_.prepare("INSERT INTO saved_filters(user_id, name, query) VALUES(?, ?, ?)")
      .bind(1, f.user_id)
      .bind(2, f.name)
      .bind(3, f.query)
      .run();
  return db_.last_insert_rowid();
}

bool SqliteTx::delete_saved_filter(Id user_id, Id filter_id) {
  db_.prepare("DELETE FROM saved_filters WHERE id = ? AND user_id = ?")
      .bind(1, filter_id)
      .bind(2, user_id)
      .run();
  return db_.changes() > 0;
}

Id SqliteTx::insert_user(const core::User& u, std::string_view password_hash) {
  auto s = db_.prepare(
      "INSERT INTO users(email, name, role, organization_id, timezone, password_hash, disabled, "
      "verified, created_at, morning_report, ranked) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, u.email).bind(2, u.name).bind(3, core::to_string(u.role)).bind(4, u.organization_id);
  s.bind(5, u.timezone);
  if (password_hash.empty()) {
    s.bind_null(6);
  } else {
    s.bind(6, password_hash);
  }
  s.bind(7, std::int64_t{u.disabled}).bind(8, std::int64_t{u.verified}).bind(9, u.created_at);
  s.bind(10, std::int64_t{u.morning_report}).bind(11, std::int64_t{u.ranked}).run();
  return db_.last_insert_rowid();
}

void SqliteTx::update_user(const core::User& u) {
  auto s = db_.prepare(
      "UPDATE users SET email = ?, name = ?, role = ?, organization_id = ?, timezone = ?, "
      "disabled = ?, verified = ?, morning_report = ?, ranked = ? WHERE id = ?");
  s.bind(1, u.email).bind(2, u.name).bind(3, core::to_string(u.role)).bind(4, u.organization_id);
  s.bind(5, u.timezone).bind(6, std::int64_t{u.disabled}).bind(7, std::int64_t{u.verified});
  s.bind(8, std::int64_t{u.morning_report}).bind(9, std::int64_t{u.ranked}).bind(10, u.id).run();
}

std::optional<std::string> SqliteTx::password_hash(Id user_id) {
  auto s =
      db_.prepare("SELECT password_hash FROM users WHERE id = ? AND password_hash IS NOT NULL");
  s.bind(1, user_id);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

void SqliteTx::set_password_hash(Id user_id, std::string_view hash) {
  db_.prepare("UPDATE users SET password_hash = ? WHERE id = ?")
      .bind(1, hash)
      .bind(2, user_id)
      .run();
}

// ---------------------------------------------------------------- organisations and teams

namespace {
constexpr const char* kOrganizationColumns =
    "SELECT id, name, share_tickets, work_week FROM organizations ";

core::Organization read_organization(const Stmt& s) {
  return {s.int64(0), s.text(1), s.int64(2) != 0, static_cast<std::uint8_t>(s.int64(3))};
}
}  // namespace

std::optional<core::Organization> SqliteTx::organization_by_id(Id id) {
  auto s = db_.prepare(std::string(kOrganizationColumns) + "WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_organization(s);
}

std::optional<core::Organization> SqliteTx::organization_by_name(std::string_view name) {
  auto s = db_.prepare(std::string(kOrganizationColumns) + "WHERE name = ?");
  s.bind(1, name);
  if (!s.step()) return std::nullopt;
  return read_organization(s);
}

std::vector<core::Organization> SqliteTx::list_organizations() {
  auto s = db_.prepare(std::string(kOrganizationColumns) + "ORDER BY name");
  std::vector<core::Organization> out;
  while (s.step()) out.push_back(read_organization(s));
  return out;
}

Id SqliteTx::insert_organization(const core::Organization& org) {
  db_.prepare(
         "INSERT INTO organizations(name, share_tickets, work_week, created_at) VALUES(?, ?, ?, "
         "unixepoch())")
      .bind(1, org.name)
      .bind(2, std::int64_t{org.share_tickets})
      .bind(3, std::int64_t{org.work_week})
      .run();
  return db_.last_insert_rowid();
}

void SqliteTx::update_organization(const core::Organization& org) {
  db_.prepare("UPDATE organizations SET name = ?, share_tickets = ?, work_week = ? WHERE id = ?")
      .bind(1, org.name)
      .bind(2, std::int64_t{org.share_tickets})
      .bind(3, std::int64_t{org.work_week})
      .bind(4, org.id)
      .run();
}

std::optional<core::Team> SqliteTx::team_by_id(Id id) {
  return group_by_id<core::Team>(db_, kTeamTables, id);
}

std::optional<core::Team> SqliteTx::team_by_name(std::string_view name) {
  return group_by_name<core::Team>(db_, kTeamTables, name);
}

std::vector<core::Team> SqliteTx::list_teams() { return list_groups<core::Team>(db_, kTeamTables); }

Id SqliteTx::insert_team(const core::Team& team) {
  db_.prepare("INSERT INTO teams(name, created_at) VALUES(?, unixepoch())")
      .bind(1, team.name)
      .run();
  Id id = db_.last_insert_rowid();
  set_team_members(id, team.member_ids);
  return id;
}

void SqliteTx::set_team_members(Id team_id, const std::vector<Id>& user_ids) {
  set_group_members(db_, kTeamTables, team_id, user_ids);
}

// ---------------------------------------------------------------- actors and credentials

std::optional<core::Actor> SqliteTx::actor_from(Stmt& s) {
  if (!s.step()) return std::nullopt;
  if (s.int64(6) != 0) return std::nullopt;  // disabled accounts have no identity
  core::Actor a;
  a.id = s.int64(0);
  a.role = core::parse_role(s.text(1)).value_or(core::Role::customer);
  a.organization_id = s.opt_int64(2);
  a.organization_shares_tickets = s.int64(3) != 0;
  a.email = s.text(4);
  a.name = s.text(5);
  return a;
}

std::optional<core::Actor> SqliteTx::actor_by_user_id(Id user_id) {
  auto s = db_.prepare(std::string(kActorColumns) + "WHERE u.id = ?");
  s.bind(1, user_id);
  return actor_from(s);
}

Id SqliteTx::insert_api_token(Id user_id, std::string_view token_hash, std::string_view name,
                              UnixTime now) {
  db_.prepare("INSERT INTO api_tokens(user_id, token_hash, name, created_at) VALUES(?, ?, ?, ?)")
      .bind(1, user_id)
      .bind(2, token_hash)
      .bind(3, name)
      .bind(4, now)
      .run();
  return db_.last_insert_rowid();
}

std::optional<core::Actor> SqliteTx::actor_by_token_hash(std::string_view token_hash) {
  auto s = db_.prepare(std::string(kActorColumns) +
                       "JOIN api_tokens k ON k.user_id = u.id WHERE k.token_hash = ?");
  s.bind(1, token_hash);
  return actor_from(s);
}

std::vector<ApiTokenRecord> SqliteTx::list_api_tokens(std::optional<Id> user_id) {
  auto s = db_.prepare(
      "SELECT id, user_id, name, created_at FROM api_tokens "
      "WHERE ?1 IS NULL OR user_id = ?1 ORDER BY id");
  s.bind(1, user_id);
  std::vector<ApiTokenRecord> out;
  while (s.step()) {
    out.push_back({s.int64(0), s.int64(1), s.text(2), s.int64(3)});
  }
  return out;
}

bool SqliteTx::delete_api_token(Id token_id) {
  db_.prepare("DELETE FROM api_tokens WHERE id = ?").bind(1, token_id).run();
  return db_.changes() > 0;
}

void SqliteTx::insert_session(std::string_view session_hash, Id user_id,
                              std::string_view csrf_token, UnixTime expires_at) {
  db_.prepare(
         "INSERT INTO sessions(session_hash, user_id, csrf_token, expires_at) VALUES(?, ?, ?, ?)")
      .bind(1, session_hash)
      .bind(2, user_id)
      .bind(3, csrf_token)
      .bind(4, expires_at)
      .run();
}

std::optional<SessionRecord> SqliteTx::session_by_hash(std::string_view session_hash) {
  auto s =
      db_.prepare("SELECT user_id, csrf_token, expires_at FROM sessions WHERE session_hash = ?");
  s.bind(1, session_hash);
  if (!s.step()) return std::nullopt;
  Id user_id = s.int64(0);
  SessionRecord record;
  record.csrf_token = s.text(1);
  record.expires_at = s.int64(2);
  auto actor = actor_by_user_id(user_id);
  if (!actor) return std::nullopt;
  record.actor = std::move(*actor);
  return record;
}

void SqliteTx::delete_session(std::string_view session_hash) {
  db_.prepare("DELETE FROM sessions WHERE session_hash = ?").bind(1, session_hash).run();
}

void SqliteTx::delete_sessions_of(Id user_id) {
  db_.prepare("DELETE FROM sessions WHERE user_id = ?").bind(1, user_id).run();
}

// ---------------------------------------------------------------- tickets

void SqliteTx::write_tags(Id number, const std::vector<std::string>& tags) {
  db_.prepare("DELETE FROM ticket_tags WHERE ticket_number = ?").bind(1, number).run();
  for (const auto& tag : tags) {
    db_.prepare("INSERT OR IGNORE INTO ticket_tags(ticket_number, tag) VALUES(?, ?)")
        .bind(1, number)
        .bind(2, tag)
        .run();
  }
}

void SqliteTx::insert_ticket(core::Ticket& t, std::string_view public_text,
                             std::string_view internal_text) {
  auto s = db_.prepare(
      "INSERT INTO tickets(subject, status, priority, requester_id, organization_id, "
      "assignee_id, team_id, category, channel, created_at, updated_at, first_response_at, "
      "resolved_at, closed_at, merged_into, version, public_version, public_updated_at) "
      "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, t.subject).bind(2, core::to_string(t.status)).bind(3, core::to_string(t.priority));
  s.bind(4, t.requester_id).bind(5, t.organization_id).bind(6, t.assignee_id).bind(7, t.team_id);
  s.bind(8, t.category).bind(9, core::to_string(t.channel)).bind(10, t.created_at);
  s.bind(11, t.updated_at).bind(12, t.first_response_at).bind(13, t.resolved_at);
  s.bind(14, t.closed_at).bind(15, t.merged_into).bind(16, t.version);
  s.bind(17, t.public_version).bind(18, t.public_updated_at);
  s.run();
  t.number = db_.last_insert_rowid();
  if (!t.tags.empty()) write_tags(t.number, t.tags);
  std::string requester = t.requester_name + " " + t.requester_email;
  db_.prepare(
         "INSERT INTO ticket_search(rowid, subject, public_text, internal_text, requester, facets) "
         "VALUES(?, ?, ?, ?, ?, ?)")
      .bind(1, t.number)
      .bind(2, t.subject)
      .bind(3, public_text)
      .bind(4, internal_text)
      .bind(5, requester)
      .bind(6, status_facet(t.status))
      .run();
}

std::optional<core::Ticket> SqliteTx::ticket_by_number(Id number) {
  auto s = db_.prepare(std::string(kTicketColumns) +
                       "FROM tickets t JOIN users u ON u.id = t.requester_id WHERE t.number = ?");
  s.bind(1, number);
  if (!s.step()) return std::nullopt;
  return read_ticket(s);
}

bool SqliteTx::update_ticket(const core::Ticket& t) {
  std::optional<std::string> stored_status;
  {
    auto q = db_.prepare("SELECT status FROM tickets WHERE number = ?");
    q.bind(1, t.number);
    if (q.step()) stored_status = q.text(0);
  }
  auto s = db_.prepare(
      "UPDATE tickets SET status = ?, priority = ?, assignee_id = ?, team_id = ?, category = ?, "
      "updated_at = ?, first_response_at = ?, resolved_at = ?, closed_at = ?, merged_into = ?, "
      "organization_id = ?, version = ?, public_version = ?, public_updated_at = ? "
      "WHERE number = ? AND version = ?");
  s.bind(1, core::to_string(t.status)).bind(2, core::to_string(t.priority));
  s.bind(3, t.assignee_id).bind(4, t.team_id).bind(5, t.category).bind(6, t.updated_at);
  s.bind(7, t.first_response_at).bind(8, t.resolved_at).bind(9, t.closed_at);
  s.bind(10, t.merged_into).bind(11, t.organization_id).bind(12, t.version);
  s.bind(13, t.public_version).bind(14, t.public_updated_at).bind(15, t.number);
  s.bind(16, t.version - 1);
  s.run();
  if (db_.changes() == 0) return false;
  write_tags(t.number, t.tags);
  if (stored_status != core::to_string(t.status)) {
    db_.prepare("UPDATE ticket_search SET facets = ? WHERE rowid = ?")
        .bind(1, status_facet(t.status))
        .bind(2, t.number)
        .run();
  }
  return true;
}

namespace {

using SqlParams = std::vector<std::variant<std::int64_t, std::string>>;

// The FTS5 MATCH expression for a text search: the words in the columns the caller may search,
// narrowed by the status facet tokens.
std::string match_expression(const TicketFilter& f) {
  std::string match = f.text_includes_internal
                          ? "{subject public_text internal_text requester} : (" + f.text_match + ")"
                          : "{subject public_text requester} : (" + f.text_match + ")";
  if (!f.statuses.empty()) {
    match += " AND facets : (";
    for (std::size_t i = 0; i < f.statuses.size(); ++i) {
      match += (i ? " OR " : "") + status_facet(f.statuses[i]);
    }
    match += ")";
  }
  return match;
}

// Appends " AND …" conditions on tickets `t` for every filter field, binding values in order.
void append_filter_conditions(const TicketFilter& f, std::string& sql, SqlParams& params) {
  auto in_list = [&](const char* column, const auto& values) {
    sql += std::string(" AND ") + column + " IN (";
    for (std::size_t i = 0; i < values.size(); ++i) {
      sql += i ? ",?" : "?";
      params.emplace_back(std::string(core::to_string(values[i])));
    }
    sql += ")";
  };
  if (!f.statuses.empty()) in_list("t.status", f.statuses);
  if (!f.priorities.empty()) in_list("t.priority", f.priorities);
  auto equals = [&](const char* fragment, std::int64_t value) {
    sql += fragment;
    params.emplace_back(value);
  };
  if (f.unassigned) sql += " AND t.assignee_id IS NULL";
  if (f.assignee_id) equals(" AND t.assignee_id = ?", *f.assignee_id);
  if (f.team_id) equals(" AND t.team_id = ?", *f.team_id);
  if (f.requester_id) equals(" AND t.requester_id = ?", *f.requester_id);
  if (f.organization_id) equals(" AND t.organization_id = ?", *f.organization_id);
  if (f.category) {
    sql += " AND t.category = ? COLLATE NOCASE";
    params.emplace_back(*f.category);
  }
  if (f.updated_since) {
    equals(f.visible_requester_id ? " AND t.public_updated_at >= ?" : " AND t.updated_at >= ?",
           *f.updated_since);
  }
  if (f.created_after) equals(" AND t.created_at >= ?", *f.created_after);
  if (f.created_before) equals(" AND t.created_at < ?", *f.created_before);
  for (const auto& tag : f.tags) {
    sql +=
        " AND EXISTS (SELECT 1 FROM ticket_tags g WHERE g.ticket_number = t.number AND g.tag = ?)";
    params.emplace_back(tag);
  }
  if (f.visible_requester_id) {
    if (f.visible_organization_id) {
      sql += " AND (t.requester_id = ? OR t.organization_id = ?)";
      params.emplace_back(*f.visible_requester_id);
      params.emplace_back(*f.visible_organization_id);
    } else {
      equals(" AND t.requester_id = ?", *f.visible_requester_id);
    }
  }
}

// ORDER BY for a listing; every order ends on the number so pages never overlap.
std::string order_clause(const TicketFilter& f) {
  const char* dir = f.ascending ? " ASC" : " DESC";
  std::string column;
  switch (f.order) {
    case TicketOrder::updated:
      column = f.visible_requester_id ? "t.public_updated_at" : "t.updated_at";
      break;
    case TicketOrder::created:
      column = "t.created_at";
      break;
    case TicketOrder::number:
      return std::string(" ORDER BY t.number") + dir;
    case TicketOrder::priority:
      column =
          "CASE t.priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END";
      break;
  }
  return " ORDER BY " + column + dir + ", t.number" + dir;
}

bool keyset_paged(const TicketFilter& f) { return f.order == TicketOrder::updated && !f.ascending; }

void bind_all(Stmt& s, const SqlParams& params) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    int index = static_cast<int>(i) + 1;
    std::visit([&](const auto& v) { s.bind(index, v); }, params[i]);
  }
}

}  // namespace

TicketPage SqliteTx::list_tickets(const TicketFilter& f) {
  const bool ranked = !f.text_match.empty();
  std::string sql;
  // Parameters are bound in the order their fragments are appended.
  SqlParams params;
  if (ranked) {
    // Relevance over a recency window: the inner query walks matches newest first (FTS5 reads
    // its doclists in rowid order, no sort) and stops after kSearchWindow + offset candidates
    // that pass the filters; only those are scored (frontline_rank: hits weighted by column,
    // subject highest) and ordered. Ranking every match of two common words in a million
    // tickets costs hundreds of milliseconds; help desk searches care about recent tickets
    // first. Deeper pages widen the window.
    sql =
        "SELECT c.number, c.score FROM (SELECT ticket_search.rowid AS number, "
        "frontline_rank(ticket_search, 10.0, 1.0, 1.0, 2.0, 0.0) AS score "
        "FROM ticket_search JOIN tickets t ON t.number = ticket_search.rowid "
        "WHERE ticket_search MATCH ?";
    params.emplace_back(match_expression(f));
  } else {
    sql = std::string(kTicketColumns) +
          "FROM tickets t JOIN users u ON u.id = t.requester_id WHERE 1";
  }
  append_filter_conditions(f, sql, params);
  if (ranked) {
    sql +=
        " ORDER BY ticket_search.rowid DESC LIMIT ?) c ORDER BY c.score, c.number DESC "
        "LIMIT ? OFFSET ?";
    params.emplace_back(kSearchWindow + f.offset + f.limit + 1);
    params.emplace_back(static_cast<std::int64_t>(f.limit) + 1);
    params.emplace_back(f.offset);
  } else if (keyset_paged(f)) {
    if (f.after) {
      sql += f.visible_requester_id ? " AND (t.public_updated_at, t.number) < (?, ?)"
                                    : " AND (t.updated_at, t.number) < (?, ?)";
      params.emplace_back(f.after->first);
      params.emplace_back(f.after->second);
    }
    sql += order_clause(f) + " LIMIT ?";
    params.emplace_back(static_cast<std::int64_t>(f.limit) + 1);
  } else {
    sql += order_clause(f) + " LIMIT ? OFFSET ?";
    params.emplace_back(static_cast<std::int64_t>(f.limit) + 1);
    params.emplace_back(f.offset);
  }

  auto s = db_.prepare(sql);
  bind_all(s, params);
  TicketPage page;
  std::vector<Id> ranked_numbers;
  while (s.step()) {
    if (static_cast<int>(page.items.size() + ranked_numbers.size()) == f.limit) {
      page.has_more = true;
      break;
    }
    if (ranked) {
      ranked_numbers.push_back(s.int64(0));
    } else {
      page.items.push_back(read_ticket(s));
    }
  }
  for (Id number : ranked_numbers) {
    if (auto t = ticket_by_number(number)) page.items.push_back(std::move(*t));
  }
  return page;
}

std::int64_t SqliteTx::count_tickets(const TicketFilter& f, std::int64_t cap) {
  std::string sql;
  SqlParams params;
  if (!f.text_match.empty()) {
    sql =
        "SELECT count(*) FROM (SELECT 1 FROM ticket_search JOIN tickets t ON t.number = "
        "ticket_search.rowid WHERE ticket_search MATCH ?";
    params.emplace_back(match_expression(f));
  } else {
    sql = "SELECT count(*) FROM (SELECT 1 FROM tickets t WHERE 1";
  }
  append_filter_conditions(f, sql, params);
  sql += " LIMIT ?)";
  params.emplace_back(cap);
  auto s = db_.prepare(sql);
  bind_all(s, params);
  return s.step() ? s.int64(0) : 0;
}

std::vector<Id> SqliteTx::tickets_resolved_before(UnixTime before, int limit) {
  auto s = db_.prepare(
      "SELECT number FROM tickets WHERE status = 'resolved' AND resolved_at <= ? "
      "ORDER BY resolved_at LIMIT ?");
  s.bind(1, before).bind(2, static_cast<std::int64_t>(limit));
  std::vector<Id> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

void SqliteTx::link_tickets(Id a, Id b) {
  db_.prepare("INSERT OR IGNORE INTO ticket_links(a, b) VALUES(min(?1, ?2), max(?1, ?2))")
      .bind(1, a)
      .bind(2, b)
      .run();
}

std::vector<Id> SqliteTx::linked_tickets(Id number) {
  auto s = db_.prepare(
      "SELECT b FROM ticket_links WHERE a = ?1 UNION SELECT a FROM ticket_links WHERE b = ?1 "
      "ORDER BY 1");
  s.bind(1, number);
  std::vector<Id> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

// ---------------------------------------------------------------- messages and attachments

Id SqliteTx::insert_message_unindexed(const core::Message& m) {
  db_.prepare(
         "INSERT INTO messages(ticket_number, kind, author_id, body, created_at, "
         "email_message_id, unverified_sender) VALUES(?, ?, ?, ?, ?, nullif(?, ''), ?)")
      .bind(1, m.ticket_number)
      .bind(2, core::to_string(m.kind))
      .bind(3, m.author_id)
      .bind(4, m.body)
      .bind(5, m.created_at)
      .bind(6, m.email_message_id)
      .bind(7, static_cast<std::int64_t>(m.unverified_sender))
      .run();
  return db_.last_insert_rowid();
}

Id SqliteTx::insert_message(const core::Message& m) {
  Id id = insert_message_unindexed(m);
  const char* sql = m.kind == core::MessageKind::internal_note
                        ? "UPDATE ticket_search SET internal_text = internal_text || char(10) || ? "
                          "WHERE rowid = ?"
                        : "UPDATE ticket_search SET public_text = public_text || char(10) || ? "
                          "WHERE rowid = ?";
  db_.prepare(sql).bind(1, m.body).bind(2, m.ticket_number).run();
  return id;
}

std::optional<Id> SqliteTx::ticket_by_email_message_id(std::string_view message_id) {
  auto s = db_.prepare(
      "SELECT ticket_number FROM messages WHERE email_message_id = ?1 UNION ALL "
      "SELECT ticket_number FROM mail_outbox WHERE message_id = ?1 AND ticket_number IS NOT NULL "
      "LIMIT 1");
  s.bind(1, message_id);
  if (!s.step()) return std::nullopt;
  return s.int64(0);
}

std::optional<core::Message> SqliteTx::message_by_id(Id id) {
  auto s = db_.prepare(std::string(kMessageColumns) + "WHERE m.id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_message(s);
}

std::vector<std::string> SqliteTx::ticket_email_message_ids(Id ticket_number) {
  auto s = db_.prepare(
      "SELECT email_message_id, created_at, 0 FROM messages WHERE ticket_number = ?1 AND "
      "email_message_id IS NOT NULL UNION ALL SELECT message_id, created_at, 1 FROM mail_outbox "
      "WHERE ticket_number = ?1 ORDER BY 2, 3");
  s.bind(1, ticket_number);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

namespace {

constexpr const char* kOutboxColumns =
    "SELECT id, event_id, kind, ticket_number, recipient, subject, body, message_id, "
    "in_reply_to, refs, auto_submitted, status, attempts, next_attempt_at, last_error, "
    "created_at, html FROM mail_outbox ";

core::OutboundMail read_outbound(const Stmt& s) {
  core::OutboundMail m;
  m.id = s.int64(0);
  m.event_id = s.int64(1);
  m.kind = s.text(2);
  m.ticket_number = s.opt_int64(3);
  m.recipient = s.text(4);
  m.subject = s.text(5);
  m.body = s.text(6);
  m.message_id = s.text(7);
  m.in_reply_to = s.text(8);
  std::string refs = s.text(9);
  for (std::size_t at = 0; at < refs.size();) {
    auto end = refs.find(' ', at);
    if (end == std::string::npos) end = refs.size();
    if (end > at) m.references.push_back(refs.substr(at, end - at));
    at = end + 1;
  }
  m.auto_submitted = s.text(10);
  const std::string status = s.text(11);
  m.status = status == "sent"     ? core::MailStatus::sent
             : status == "failed" ? core::MailStatus::failed
                                  : core::MailStatus::queued;
  m.attempts = static_cast<int>(s.int64(12));
  m.next_attempt_at = s.int64(13);
  m.last_error = s.text(14);
  m.created_at = s.int64(15);
  m.html = s.text(16);
  return m;
}

const char* status_text(core::MailStatus s) {
  switch (s) {
    case core::MailStatus::sent:
      return "sent";
    case core::MailStatus::failed:
      return "failed";
    case core::MailStatus::queued:
      return "queued";
  }
  return "queued";
}

}  // namespace

std::optional<MailTemplateRecord> SqliteTx::mail_template(std::string_view kind) {
  auto s = db_.prepare("SELECT subject, body, html FROM mail_templates WHERE kind = ?");
  s.bind(1, kind);
  if (!s.step()) return std::nullopt;
  return MailTemplateRecord{s.text(0), s.text(1), s.text(2)};
}

void SqliteTx::set_mail_template(std::string_view kind, const MailTemplateRecord& text,
                                 UnixTime now) {
  db_.prepare(
         "INSERT INTO mail_templates(kind, subject, body, html, updated_at) VALUES(?, ?, ?, ?, ?) "
         "ON CONFLICT(kind) DO UPDATE SET subject = excluded.subject, body = excluded.body, "
         "html = excluded.html, updated_at = excluded.updated_at")
      .bind(1, kind)
      .bind(2, text.subject)
      .bind(3, text.body)
      .bind(4, text.html)
      .bind(5, now)
      .run();
}

bool SqliteTx::delete_mail_template(std::string_view kind) {
  db_.prepare("DELETE FROM mail_templates WHERE kind = ?").bind(1, kind).run();
  return db_.changes() > 0;
}

void SqliteTx::add_ticket_cc(Id ticket_number, std::string_view email) {
  db_.prepare("INSERT OR IGNORE INTO ticket_ccs(ticket_number, email) VALUES(?, ?)")
      .bind(1, ticket_number)
      .bind(2, email)
      .run();
}

std::vector<std::string> SqliteTx::ticket_ccs(Id ticket_number) {
  auto s = db_.prepare("SELECT email FROM ticket_ccs WHERE ticket_number = ? ORDER BY email");
  s.bind(1, ticket_number);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

std::vector<std::int64_t> SqliteTx::imap_pending(std::string_view mailbox) {
  auto s = db_.prepare("SELECT uid FROM imap_pending WHERE mailbox = ? ORDER BY uid");
  s.bind(1, mailbox);
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

void SqliteTx::add_imap_pending(std::string_view mailbox, std::int64_t uid) {
  db_.prepare("INSERT OR IGNORE INTO imap_pending(mailbox, uid) VALUES(?, ?)")
      .bind(1, mailbox)
      .bind(2, uid)
      .run();
}

void SqliteTx::remove_imap_pending(std::string_view mailbox, std::int64_t uid) {
  db_.prepare("DELETE FROM imap_pending WHERE mailbox = ? AND uid = ?")
      .bind(1, mailbox)
      .bind(2, uid)
      .run();
}

bool SqliteTx::insert_outbound_mail(const core::OutboundMail& m) {
  std::string refs;
  for (const auto& r : m.references) refs += (refs.empty() ? "" : " ") + r;
  db_.prepare(
         "INSERT OR IGNORE INTO mail_outbox(event_id, kind, ticket_number, recipient, subject, "
         "body, message_id, in_reply_to, refs, auto_submitted, next_attempt_at, created_at, html) "
         "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, m.event_id)
      .bind(2, m.kind)
      .bind(3, m.ticket_number)
      .bind(4, m.recipient)
      .bind(5, m.subject)
      .bind(6, m.body)
      .bind(7, m.message_id)
      .bind(8, m.in_reply_to)
      .bind(9, refs)
      .bind(10, m.auto_submitted)
      .bind(11, m.next_attempt_at)
      .bind(12, m.created_at)
      .bind(13, m.html)
      .run();
  return db_.changes() > 0;
}

std::vector<core::OutboundMail> SqliteTx::due_outbound_mail(UnixTime now, int limit) {
  auto s = db_.prepare(std::string(kOutboxColumns) +
                       "WHERE status = 'queued' AND next_attempt_at <= ? "
                       "ORDER BY next_attempt_at, id LIMIT ?");
  s.bind(1, now).bind(2, static_cast<std::int64_t>(limit));
  std::vector<core::OutboundMail> out;
  while (s.step()) out.push_back(read_outbound(s));
  return out;
}

std::optional<core::OutboundMail> SqliteTx::outbound_mail_by_id(Id id) {
  auto s = db_.prepare(std::string(kOutboxColumns) + "WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_outbound(s);
}

void SqliteTx::update_outbound_mail(const core::OutboundMail& m, UnixTime now) {
  db_.prepare(
         "UPDATE mail_outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, "
         "sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE id = ?")
      .bind(1, status_text(m.status))
      .bind(2, static_cast<std::int64_t>(m.attempts))
      .bind(3, m.next_attempt_at)
      .bind(4, m.last_error)
      .bind(5, status_text(m.status))
      .bind(6, now)
      .bind(7, m.id)
      .run();
}

std::vector<core::Message> SqliteTx::list_messages(Id ticket_number, bool include_internal) {
  auto s = db_.prepare(std::string(kMessageColumns) +
                       "WHERE m.ticket_number = ? AND (? OR m.kind <> 'internal') ORDER BY m.id");
  s.bind(1, ticket_number).bind(2, std::int64_t{include_internal});
  std::vector<core::Message> out;
  while (s.step()) out.push_back(read_message(s));
  auto a = db_.prepare(std::string(kAttachmentColumns) +
                       "WHERE ticket_number = ? AND message_id IS NOT NULL ORDER BY id");
  a.bind(1, ticket_number);
  while (a.step()) {
    auto att = read_attachment(a);
    for (auto& m : out) {
      if (att.message_id == m.id) m.attachments.push_back(att);
    }
  }
  return out;
}

void SqliteTx::move_messages(Id from_ticket, Id to_ticket) {
  db_.prepare("UPDATE messages SET ticket_number = ? WHERE ticket_number = ?")
      .bind(1, to_ticket)
      .bind(2, from_ticket)
      .run();
  db_.prepare("UPDATE attachments SET ticket_number = ? WHERE ticket_number = ?")
      .bind(1, to_ticket)
      .bind(2, from_ticket)
      .run();
  // The merged ticket's words now belong to the target's document too.
  db_.prepare(
         "UPDATE ticket_search SET "
         "public_text = public_text || char(10) || (SELECT subject || char(10) || public_text "
         "FROM ticket_search WHERE rowid = ?1), "
         "internal_text = internal_text || char(10) || (SELECT internal_text FROM ticket_search "
         "WHERE rowid = ?1) WHERE rowid = ?2")
      .bind(1, from_ticket)
      .bind(2, to_ticket)
      .run();
}

Id SqliteTx::insert_attachment(const core::Attachment& a) {
  db_.prepare(
         "INSERT INTO attachments(ticket_number, message_id, filename, content_type, size, sha256, "
         "created_at) VALUES(?, ?, ?, ?, ?, ?, ?)")
      .bind(1, a.ticket_number)
      .bind(2, a.message_id)
      .bind(3, a.filename)
      .bind(4, a.content_type)
      .bind(5, a.size)
      .bind(6, a.sha256)
      .bind(7, a.created_at)
      .run();
  return db_.last_insert_rowid();
}

std::optional<core::Attachment> SqliteTx::attachment_by_id(Id id) {
  auto s = db_.prepare(std::string(kAttachmentColumns) + "WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_attachment(s);
}

// ---------------------------------------------------------------- events

Id SqliteTx::append_event(const core::Event& e) {
  db_.prepare(
         "INSERT INTO events(ticket_number, actor_id, type, data, internal, created_at) "
         "VALUES(?, ?, ?, ?, ?, ?)")
      .bind(1, e.ticket_number)
      .bind(2, e.actor_id)
      .bind(3, e.type)
      .bind(4, e.data)
      .bind(5, std::int64_t{e.internal})
      .bind(6, e.created_at)
      .run();
  return db_.last_insert_rowid();
}

std::vector<core::Event> SqliteTx::ticket_events(Id ticket_number, bool include_internal,
                                                 Id after_id, int limit) {
  auto s = db_.prepare(std::string(kEventColumns) +
                       "WHERE ticket_number = ? AND id > ? AND (? OR internal = 0) "
                       "ORDER BY id LIMIT ?");
  s.bind(1, ticket_number).bind(2, after_id).bind(3, std::int64_t{include_internal});
  s.bind(4, static_cast<std::int64_t>(limit));
  std::vector<core::Event> out;
  while (s.step()) out.push_back(read_event(s));
  return out;
}

std::vector<core::Event> SqliteTx::events_after(Id after_id, int limit) {
  auto s = db_.prepare(std::string(kEventColumns) + "WHERE id > ? ORDER BY id LIMIT ?");
  s.bind(1, after_id).bind(2, static_cast<std::int64_t>(limit));
  std::vector<core::Event> out;
  while (s.step()) out.push_back(read_event(s));
  return out;
}

Id SqliteTx::last_event_id() {
  auto s = db_.prepare("SELECT coalesce(max(id), 0) FROM events");
  return s.step() ? s.int64(0) : 0;
}

Id SqliteTx::consumer_cursor(std::string_view consumer) {
  auto s = db_.prepare("SELECT last_event_id FROM consumer_cursors WHERE consumer = ?");
  s.bind(1, consumer);
  return s.step() ? s.int64(0) : 0;
}

void SqliteTx::set_consumer_cursor(std::string_view consumer, Id last_event_id) {
  db_.prepare(
         "INSERT INTO consumer_cursors(consumer, last_event_id) VALUES(?, ?) "
         "ON CONFLICT(consumer) DO UPDATE SET last_event_id = excluded.last_event_id")
      .bind(1, consumer)
      .bind(2, last_event_id)
      .run();
}

// ---------------------------------------------------------------- maintenance

void SqliteTx::optimize() {
  // One segment per term instead of one per bulk commit: searches read far fewer pages.
  db_.exec("INSERT INTO ticket_search(ticket_search) VALUES('optimize')");
  db_.exec("ANALYZE");
}

// ---------------------------------------------------------------- idempotency

std::optional<Id> SqliteTx::idempotent_ticket(Id user_id, std::string_view key) {
  auto s = db_.prepare("SELECT ticket_number FROM idempotency_keys WHERE user_id = ? AND key = ?");
  s.bind(1, user_id).bind(2, key);
  if (!s.step()) return std::nullopt;
  return s.int64(0);
}

void SqliteTx::remember_idempotent_ticket(Id user_id, std::string_view key, Id number,
                                          UnixTime now) {
  db_.prepare(
         "INSERT INTO idempotency_keys(user_id, key, ticket_number, created_at) "
         "VALUES(?, ?, ?, ?)")
      .bind(1, user_id)
      .bind(2, key)
      .bind(3, number)
      .bind(4, now)
      .run();
}

}  // namespace frontline::store::sqlite
