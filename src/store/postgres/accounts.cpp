// PostgreSQL AccountRepository: users, password hashes, API tokens and sessions. Queries are named
// constants next to the code that runs them; every value is bound as a parameter.
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

namespace {

constexpr const char* kUserColumns =
    "SELECT id, email, name, role, organization_id, timezone, disabled, verified, created_at, "
    "morning_report, ranked, EXISTS (SELECT 1 FROM invitations i WHERE i.user_id = users.id "
    "AND i.used_at IS NULL) FROM users ";

core::User read_user(const Stmt& s) {
  core::User u;
  u.id = s.int64(0);
  u.email = s.text(1);
  u.name = s.text(2);
  u.role = core::parse_role(s.text(3)).value_or(core::Role::customer);
  u.organization_id = s.opt_int64(4);
  u.timezone = s.text(5);
  u.disabled = s.boolean(6);
  u.verified = s.boolean(7);
  u.created_at = s.int64(8);
  u.morning_report = s.boolean(9);
  u.ranked = s.boolean(10);
  u.invited = s.boolean(11);
  return u;
}

constexpr const char* kActorColumns =
    "SELECT u.id, u.role, u.organization_id, coalesce(o.share_tickets, false), u.email, u.name, "
    "u.disabled FROM users u LEFT JOIN organizations o ON o.id = u.organization_id ";

// The Actor of a kActorColumns row, or nullopt when there is none or the account is disabled
// (disabled accounts have no identity).
std::optional<core::Actor> actor_from(Stmt& s) {
  if (!s.step()) return std::nullopt;
  if (s.boolean(6)) return std::nullopt;
  core::Actor a;
  a.id = s.int64(0);
  a.role = core::parse_role(s.text(1)).value_or(core::Role::customer);
  a.organization_id = s.opt_int64(2);
  a.organization_shares_tickets = s.boolean(3);
  a.email = s.text(4);
  a.name = s.text(5);
  return a;
}

}  // namespace

std::optional<core::User> PgAccounts::user_by_id(Id id) {
  auto s = db_.prepare(std::string(kUserColumns) + "WHERE id = $1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_user(s);
}

std::optional<core::User> PgAccounts::user_by_email(std::string_view email) {
  // email is citext: = ignores case, as SQLite's NOCASE column did.
  auto s = db_.prepare(std::string(kUserColumns) + "WHERE email = $1");
  s.bind(1, email);
  if (!s.step()) return std::nullopt;
  return read_user(s);
}

std::vector<core::User> PgAccounts::list_users(std::optional<core::Role> role,
                                               std::string_view contains, int limit, Id after_id) {
  // strpos() rather than LIKE: no wildcard characters to escape in what a person typed. email
  // is read as text so lower() and strpos() are the plain text functions.
  auto s = db_.prepare(std::string(kUserColumns) +
                       "WHERE id > $1 AND ($2::text IS NULL OR role = $2::text) AND "
                       "($4::text = '' OR strpos(lower(name), lower($4::text)) > 0 OR "
                       "strpos(lower(email::text), lower($4::text)) > 0) "
                       "ORDER BY id LIMIT $3");
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

Id PgAccounts::insert_user(const core::User& u, std::string_view password_hash) {
  auto s = db_.prepare(
      "INSERT INTO users(email, name, role, organization_id, timezone, password_hash, disabled, "
      "verified, created_at, morning_report, ranked) "
      "VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id");
  s.bind(1, u.email).bind(2, u.name).bind(3, core::to_string(u.role)).bind(4, u.organization_id);
  s.bind(5, u.timezone);
  if (password_hash.empty()) {
    s.bind_null(6);
  } else {
    s.bind(6, password_hash);
  }
  s.bind_bool(7, u.disabled).bind_bool(8, u.verified).bind(9, u.created_at);
  s.bind_bool(10, u.morning_report).bind_bool(11, u.ranked);
  s.step();
  return s.int64(0);
}

void PgAccounts::update_user(const core::User& u) {
  identity_.changed = true;
  auto s = db_.prepare(
      "UPDATE users SET email = $1, name = $2, role = $3, organization_id = $4, timezone = $5, "
      "disabled = $6, verified = $7, morning_report = $8, ranked = $9 WHERE id = $10");
  s.bind(1, u.email).bind(2, u.name).bind(3, core::to_string(u.role)).bind(4, u.organization_id);
  s.bind(5, u.timezone).bind_bool(6, u.disabled).bind_bool(7, u.verified);
  s.bind_bool(8, u.morning_report).bind_bool(9, u.ranked).bind(10, u.id).run();
}

std::optional<std::string> PgAccounts::password_hash(Id user_id) {
  auto s =
      db_.prepare("SELECT password_hash FROM users WHERE id = $1 AND password_hash IS NOT NULL");
  s.bind(1, user_id);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

void PgAccounts::set_password_hash(Id user_id, std::string_view hash) {
  identity_.changed = true;
  db_.prepare("UPDATE users SET password_hash = $1 WHERE id = $2")
      .bind(1, hash)
      .bind(2, user_id)
      .run();
}

std::optional<core::Actor> PgAccounts::actor_by_user_id(Id user_id) {
  auto s = db_.prepare(std::string(kActorColumns) + "WHERE u.id = $1");
  s.bind(1, user_id);
  return actor_from(s);
}

std::vector<core::User> PgAccounts::list_staff() {
  auto s = db_.prepare(std::string(kUserColumns) + "WHERE role IN ('agent', 'admin') ORDER BY id");
  std::vector<core::User> out;
  while (s.step()) out.push_back(read_user(s));
  return out;
}

Id PgAccounts::insert_api_token(Id user_id, std::string_view token_hash, std::string_view name,
                                UnixTime now) {
  auto s = db_.prepare(
      "INSERT INTO api_tokens(user_id, token_hash, name, created_at) VALUES($1, $2, $3, $4) "
      "RETURNING id");
  s.bind(1, user_id).bind(2, token_hash).bind(3, name).bind(4, now);
  s.step();
  return s.int64(0);
}

// The identity cache, unless this unit changed something it answers from (then its own
// lookups must see the change).
IdentityCache* PgAccounts::cache() const { return identity_.changed ? nullptr : identity_.cache; }

std::optional<core::Actor> PgAccounts::actor_by_token_hash(std::string_view token_hash) {
  auto* cache = this->cache();
  if (cache) {
    if (auto hit = cache->token(token_hash)) return hit;
  }
  const auto since = cache ? cache->epoch() : 0;
  auto s = db_.prepare(std::string(kActorColumns) +
                       "JOIN api_tokens k ON k.user_id = u.id WHERE k.token_hash = $1");
  s.bind(1, token_hash);
  auto found = actor_from(s);
  if (found && cache) cache->put_token(token_hash, *found, since);
  return found;
}

std::vector<ApiTokenRecord> PgAccounts::list_api_tokens(std::optional<Id> user_id) {
  auto s = db_.prepare(
      "SELECT id, user_id, name, created_at, last_used_at FROM api_tokens "
      "WHERE $1::bigint IS NULL OR user_id = $1::bigint ORDER BY id");
  s.bind(1, user_id);
  std::vector<ApiTokenRecord> out;
  while (s.step()) {
    out.push_back({s.int64(0), s.int64(1), s.text(2), s.int64(3), s.opt_int64(4)});
  }
  return out;
}

void PgAccounts::record_api_token_use(const std::vector<std::pair<std::string, UnixTime>>& uses) {
  for (const auto& [hash, at] : uses) {
    db_.prepare(
           "UPDATE api_tokens SET last_used_at = greatest(coalesce(last_used_at, 0), $1::bigint) "
           "WHERE token_hash = $2")
        .bind(1, at)
        .bind(2, hash)
        .run();
  }
}

void PgAccounts::replace_invitation(Id user_id, std::string_view token_hash, Id created_by,
                                    UnixTime now, UnixTime expires_at) {
  db_.prepare("DELETE FROM invitations WHERE user_id = $1").bind(1, user_id).run();
  db_.prepare(
         "INSERT INTO invitations(token_hash, user_id, created_by, created_at, expires_at) "
         "VALUES($1, $2, nullif($3::bigint, 0), $4, $5)")
      .bind(1, token_hash)
      .bind(2, user_id)
      .bind(3, created_by)
      .bind(4, now)
      .bind(5, expires_at)
      .run();
}

std::optional<InvitationRecord> PgAccounts::invitation_by_hash(std::string_view token_hash) {
  auto s =
      db_.prepare("SELECT user_id, expires_at, used_at FROM invitations WHERE token_hash = $1");
  s.bind(1, token_hash);
  if (!s.step()) return std::nullopt;
  return InvitationRecord{s.int64(0), s.int64(1), s.opt_int64(2)};
}

bool PgAccounts::use_invitation(std::string_view token_hash, UnixTime now) {
  return db_.prepare(
                "UPDATE invitations SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL")
             .bind(1, now)
             .bind(2, token_hash)
             .changes() > 0;
}

bool PgAccounts::delete_api_token(Id token_id) {
  identity_.changed = true;
  return db_.prepare("DELETE FROM api_tokens WHERE id = $1").bind(1, token_id).changes() > 0;
}

void PgAccounts::insert_session(std::string_view session_hash, Id user_id,
                                std::string_view csrf_token, UnixTime expires_at) {
  db_.prepare(
         "INSERT INTO sessions(session_hash, user_id, csrf_token, expires_at) "
         "VALUES($1, $2, $3, $4)")
      .bind(1, session_hash)
      .bind(2, user_id)
      .bind(3, csrf_token)
      .bind(4, expires_at)
      .run();
}

std::optional<SessionRecord> PgAccounts::session_by_hash(std::string_view session_hash) {
  auto* cache = this->cache();
  if (cache) {
    if (auto hit = cache->session(session_hash)) return hit;
  }
  const auto since = cache ? cache->epoch() : 0;
  auto s =
      db_.prepare("SELECT user_id, csrf_token, expires_at FROM sessions WHERE session_hash = $1");
  s.bind(1, session_hash);
  if (!s.step()) return std::nullopt;
  Id user_id = s.int64(0);
  SessionRecord record;
  record.csrf_token = s.text(1);
  record.expires_at = s.int64(2);
  auto actor = actor_by_user_id(user_id);
  if (!actor) return std::nullopt;
  record.actor = std::move(*actor);
  if (cache) cache->put_session(session_hash, record, since);
  return record;
}

void PgAccounts::delete_session(std::string_view session_hash) {
  identity_.changed = true;
  db_.prepare("DELETE FROM sessions WHERE session_hash = $1").bind(1, session_hash).run();
}

void PgAccounts::delete_sessions_of(Id user_id) {
  identity_.changed = true;
  db_.prepare("DELETE FROM sessions WHERE user_id = $1").bind(1, user_id).run();
}

}  // namespace frontline::store::postgres
