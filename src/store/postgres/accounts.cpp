// PostgreSQL AccountRepository: not written yet — every call throws (see issue 14).
#include "store/postgres/not_yet.hpp"
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

using core::Id;

std::optional<core::User> PgAccounts::user_by_id(Id id) { throw not_yet("user_by_id"); }

std::optional<core::User> PgAccounts::user_by_email(std::string_view email) {
  throw not_yet("user_by_email");
}

std::vector<core::User> PgAccounts::list_users(std::optional<core::Role> role,
                                               std::string_view contains, int limit, Id after_id) {
  throw not_yet("list_users");
}

Id PgAccounts::insert_user(const core::User& user, std::string_view password_hash) {
  throw not_yet("insert_user");
}

void PgAccounts::update_user(const core::User& user) { throw not_yet("update_user"); }

std::optional<std::string> PgAccounts::password_hash(Id user_id) { throw not_yet("password_hash"); }

void PgAccounts::set_password_hash(Id user_id, std::string_view hash) {
  throw not_yet("set_password_hash");
}

std::optional<core::Actor> PgAccounts::actor_by_user_id(Id user_id) {
  throw not_yet("actor_by_user_id");
}

std::vector<core::User> PgAccounts::list_staff() { throw not_yet("list_staff"); }

Id PgAccounts::insert_api_token(Id user_id, std::string_view token_hash, std::string_view name,
                                UnixTime now) {
  throw not_yet("insert_api_token");
}

std::optional<core::Actor> PgAccounts::actor_by_token_hash(std::string_view token_hash) {
  throw not_yet("actor_by_token_hash");
}

std::vector<ApiTokenRecord> PgAccounts::list_api_tokens(std::optional<Id> user_id) {
  throw not_yet("list_api_tokens");
}

bool PgAccounts::delete_api_token(Id token_id) { throw not_yet("delete_api_token"); }

void PgAccounts::record_api_token_use(const std::vector<std::pair<std::string, UnixTime>>& uses) {
  throw not_yet("record_api_token_use");
}

void PgAccounts::replace_invitation(Id user_id, std::string_view token_hash, Id created_by,
                                    UnixTime now, UnixTime expires_at) {
  throw not_yet("replace_invitation");
}

std::optional<InvitationRecord> PgAccounts::invitation_by_hash(std::string_view token_hash) {
  throw not_yet("invitation_by_hash");
}

bool PgAccounts::use_invitation(std::string_view token_hash, UnixTime now) {
  throw not_yet("use_invitation");
}

void PgAccounts::insert_session(std::string_view session_hash, Id user_id,
                                std::string_view csrf_token, UnixTime expires_at) {
  throw not_yet("insert_session");
}

std::optional<SessionRecord> PgAccounts::session_by_hash(std::string_view session_hash) {
  throw not_yet("session_by_hash");
}

void PgAccounts::delete_session(std::string_view session_hash) { throw not_yet("delete_session"); }

void PgAccounts::delete_sessions_of(Id user_id) { throw not_yet("delete_sessions_of"); }

}  // namespace frontline::store::postgres
