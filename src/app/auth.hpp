// Sign-in and identities: password login with per-account and per-address throttling, session
// tokens (with their CSRF token), bearer API tokens, logout. Only hashes of tokens are stored.
// Thread-safe. login() verifies an argon2id hash: call it off the network threads.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "app/context.hpp"
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

// Counts recent login failures per key; in memory, so per server instance.
class LoginThrottle {
 public:
  static constexpr int kMaxFailures = 5;
  static constexpr core::UnixTime kWindowSeconds = 15 * 60;

  // Seconds to wait before the next attempt for key, or 0 when allowed.
  core::UnixTime retry_after(const std::string& key, core::UnixTime now);
  void failed(const std::string& key, core::UnixTime now);
  void succeeded(const std::string& key);

 private:
  struct Entry {
    int failures = 0;
    core::UnixTime first = 0;
  };
  std::mutex mu_;
  std::map<std::string, Entry> entries_;
};

class Auth {
 public:
  explicit Auth(Context& ctx) : ctx_(ctx) {}

  // throttled (with the wait in the message) after repeated failures for the account or the
  // address; unauthenticated for a wrong email or password (same message for both).
  core::Result<NewSession> login(std::string_view email, std::string_view password,
                                 std::string_view remote_address);
  core::Result<ResolvedSession> session(std::string_view token);
  core::Result<core::Unit> logout(std::string_view token);

  core::Result<core::Actor> bearer(std::string_view token);
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
};

}  // namespace frontline::app
