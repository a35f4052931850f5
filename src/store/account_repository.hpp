// People and how they prove who they are: users, password hashes, API tokens, sessions.
//
// Promises: emails are unique regardless of case (an insert of an existing one throws
// StoreError conflict); only hashes of passwords, tokens and sessions are stored; a disabled
// user has no Actor (actor_by_* answer nullopt), so their tokens and sessions stop working at
// once; lists are by id.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model.hpp"

namespace frontline::store {

using core::Id;
using core::UnixTime;

// A stored session: its owner and the CSRF token bound to it.
struct SessionRecord {
  core::Actor actor;
  std::string csrf_token;
  UnixTime expires_at = 0;
};

struct ApiTokenRecord {
  Id id = 0;
  Id user_id = 0;
  std::string name;
  UnixTime created_at = 0;
  std::optional<UnixTime> last_used_at;
};

// An invitation to set a password (the link's token is kept only as its hash).
struct InvitationRecord {
  Id user_id = 0;
  UnixTime expires_at = 0;
  std::optional<UnixTime> used_at;
};

class AccountRepository {
 public:
  virtual ~AccountRepository() = default;

  virtual std::optional<core::User> user_by_id(Id id) = 0;
  virtual std::optional<core::User> user_by_email(std::string_view email) = 0;  // case-insensitive
  // Users by id; `contains` (when not empty) matches a substring of the name or email.
  virtual std::vector<core::User> list_users(std::optional<core::Role> role,
                                             std::string_view contains, int limit, Id after_id) = 0;
  // An empty password_hash stores none: password_hash() answers nullopt until one is set.
  virtual Id insert_user(const core::User& user, std::string_view password_hash) = 0;
  // Writes every field but id and created_at; the password hash is left as it is.
  virtual void update_user(const core::User& user) = 0;
  // nullopt when the user has no password or does not exist.
  virtual std::optional<std::string> password_hash(Id user_id) = 0;
  virtual void set_password_hash(Id user_id, std::string_view hash) = 0;
  // An Actor as the policy needs it (with the organisation's sharing flag), if the user exists.
  virtual std::optional<core::Actor> actor_by_user_id(Id user_id) = 0;
  // Every agent and admin, by id, disabled ones included (the people a board may rank).
  virtual std::vector<core::User> list_staff() = 0;
  // Token hashes are unique: inserting an existing one throws StoreError conflict.
  virtual Id insert_api_token(Id user_id, std::string_view token_hash, std::string_view name,
                              UnixTime now) = 0;
  virtual std::optional<core::Actor> actor_by_token_hash(std::string_view token_hash) = 0;
  // One user's tokens, or everyone's (nullopt), by id.
  virtual std::vector<ApiTokenRecord> list_api_tokens(std::optional<Id> user_id) = 0;
  // false when there was no such token.
  virtual bool delete_api_token(Id token_id) = 0;
  // Records when tokens last authenticated a request (hash, time); unknown hashes are skipped
  // and a time never moves backwards.
  virtual void record_api_token_use(const std::vector<std::pair<std::string, UnixTime>>& uses) = 0;
  // Invitations: a new one for a user replaces (deletes) the user's earlier ones.
  virtual void replace_invitation(Id user_id, std::string_view token_hash, Id created_by,
                                  UnixTime now, UnixTime expires_at) = 0;
  virtual std::optional<InvitationRecord> invitation_by_hash(std::string_view token_hash) = 0;
  // Marks it used; false when it was already used or does not exist (two accepts race).
  virtual bool use_invitation(std::string_view token_hash, UnixTime now) = 0;
  virtual void insert_session(std::string_view session_hash, Id user_id,
                              std::string_view csrf_token, UnixTime expires_at) = 0;
  // nullopt when there is no such session or its user is disabled. Expiry is not checked here:
  // the caller compares expires_at with its clock.
  virtual std::optional<SessionRecord> session_by_hash(std::string_view session_hash) = 0;
  // Deleting a session that does not exist changes nothing; so does delete_sessions_of a user
  // who has none.
  virtual void delete_session(std::string_view session_hash) = 0;
  virtual void delete_sessions_of(Id user_id) = 0;
};

}  // namespace frontline::store
