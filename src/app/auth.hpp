// Sign-in and identities: password login with per-account and per-address throttling, session
// tokens (with their CSRF token), bearer API tokens, logout. Only hashes of tokens are stored.
// Thread-safe. login() verifies an argon2id hash: call it off the network threads.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/context.hpp"
#include "app/login_throttle.hpp"
#include "core/model.hpp"
#include "core/result.hpp"

namespace frontline::app {

struct NewSession {
  std::string token;  // the cookie value; only its hash is stored
  std::string csrf_token;
  core::Actor actor;
  core::UnixTime expires_at = 0;
};

struct ResolvedSession {
  core::Actor actor;
  std::string csrf_token;
};

// A sign-in attempt's outcome: a session, or a wait before the password is tried (the account
// is being guessed at from many places; see LoginThrottle).
struct SignIn {
  std::optional<NewSession> session;
  core::UnixTime wait_seconds = 0;
};

// A count of writes that may end someone's access: a user disabled, given another role or a
// new password, sessions ended, an API token revoked. Long-lived connections (the live feed)
// re-check who they serve when it moves. Process-wide (a change made by another process, such
// as `frontline admin reset-password`, is caught by their periodic re-check). Thread-safe.
std::uint64_t identity_generation();
void note_identity_change();

class Auth {
 public:
  explicit Auth(Context& ctx) : ctx_(ctx), throttle_(ctx.db) {}

  // throttled (with the wait in the message) after repeated failures from this address (for
  // this account, or for many); unauthenticated for a wrong email or password (same message
  // for both). An attempt on an account under attack first answers with wait_seconds: call
  // again with waited = true once they have passed (without holding a thread meanwhile).
  core::Result<SignIn> login(std::string_view email, std::string_view password,
                             std::string_view remote_address, bool waited = false);
  core::Result<ResolvedSession> session(std::string_view token);
  core::Result<core::Unit> logout(std::string_view token);

  // Who an API token names. Each use is noted in memory (no write on the read path); see
  // flush_token_use.
  core::Result<core::Actor> bearer(std::string_view token);
  // Writes when tokens were last used, in one unit (a job calls it every few seconds).
  core::Done flush_token_use();
  // A new session for someone already proven (signed in, or through an invitation link).
  core::Result<NewSession> open_session(const core::Actor& actor);
  // Issues a new API token for the user; returns the token (shown once).
  core::Result<std::string> issue_token(const core::Actor& actor, std::string_view email,
                                        std::string_view name);
  // API tokens (names and dates, never the secrets): an admin's lists everyone's, others their own.
  core::Result<std::vector<store::ApiTokenRecord>> tokens(const core::Actor& actor);
  // Revokes a token of the caller's, or anyone's for an admin; not_found otherwise.
  core::Result<core::Unit> revoke_token(const core::Actor& actor, core::Id token_id);

 private:
  Context& ctx_;
  LoginThrottle throttle_;
  std::mutex uses_mutex_;
  std::unordered_map<std::string, core::UnixTime> uses_;  // token hash → last use, unwritten
};

}  // namespace frontline::app
