// Sign-in, sessions and tokens (see header).
#include "app/auth.hpp"

#include <algorithm>
#include <atomic>

#include "app/credentials.hpp"
#include "core/text.hpp"
#include "core/ticket_policy.hpp"

namespace frontline::app {
namespace {

using core::Errc;
using core::make_error;
using core::Result;

core::Error bad_credentials() {
  return make_error(Errc::unauthenticated, "email or password is not right");
}

// Verified against when the account does not exist, so both cases take the same time.
const std::string& decoy_hash() {
  static const std::string hash = hash_password("decoy password, never valid");
  return hash;
}

// "45 seconds", "1 minute", "15 minutes".
std::string wait_in_words(core::UnixTime seconds) {
  if (seconds < 60) return std::to_string(seconds) + (seconds == 1 ? " second" : " seconds");
  const auto minutes = (seconds + 59) / 60;
  return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
}

std::atomic<std::uint64_t> identity_changes{0};

}  // namespace

std::uint64_t identity_generation() { return identity_changes.load(); }
void note_identity_change() { identity_changes.fetch_add(1); }

Result<SignIn> Auth::login(std::string_view raw_email, std::string_view password,
                           std::string_view remote_address, bool waited) {
  const auto now = ctx_.clock.now();
  const std::string email = core::to_lower_ascii(core::trim(raw_email));
  const auto decision = throttle_.check(email, remote_address, now, /*take_slot=*/!waited);
  if (decision.refuse_for > 0) {
    auto refused = make_error(Errc::throttled, "Too many failed sign-ins from here. Wait " +
                                                   wait_in_words(decision.refuse_for) +
                                                   ", then try again, or ask an admin to reset "
                                                   "your password.");
    refused.retry_after_seconds = decision.refuse_for;
    return refused;
  }
  if (decision.wait > 0) return SignIn{std::nullopt, decision.wait};
  struct Found {
    core::Actor actor;
    std::string hash;
  };
  auto found = in_read<std::optional<Found>>(ctx_.db, [&](store::Tx& tx) {
    std::optional<Found> out;
    auto user = tx.accounts().user_by_email(email);
    if (!user) return Result<std::optional<Found>>(out);
    auto actor = tx.accounts().actor_by_user_id(user->id);  // nullopt when disabled
    auto hash = tx.accounts().password_hash(user->id);
    if (actor && hash) out = Found{std::move(*actor), std::move(*hash)};
    return Result<std::optional<Found>>(out);
  });
  if (!found) return found.take_error();
  bool ok = verify_password(password, *found ? (*found)->hash : decoy_hash()) && found->has_value();
  if (!ok) {
    throttle_.failed(email, remote_address, now);
    return bad_credentials();
  }
  throttle_.succeeded(email, remote_address);
  auto s = open_session((*found)->actor);
  if (!s) return s.take_error();
  return SignIn{std::move(*s), 0};
}

Result<NewSession> Auth::open_session(const core::Actor& actor) {
  NewSession s;
  s.token = random_token("fls_");
  s.csrf_token = random_token("");
  s.actor = actor;
  s.expires_at = ctx_.clock.now() + static_cast<core::UnixTime>(ctx_.limits.session_days) * 86400;
  auto stored = in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) {
    tx.accounts().insert_session(token_hash(s.token), s.actor.id, s.csrf_token, s.expires_at);
    return Result<core::Unit>(core::Unit{});
  });
  if (!stored) return stored.take_error();
  return s;
}

Result<ResolvedSession> Auth::session(std::string_view token) {
  const auto now = ctx_.clock.now();
  return in_read<ResolvedSession>(ctx_.db, [&](store::Tx& tx) -> Result<ResolvedSession> {
    auto s = tx.accounts().session_by_hash(token_hash(token));
    if (!s || s->expires_at <= now) {
      return make_error(Errc::unauthenticated, "session expired; sign in again");
    }
    return ResolvedSession{std::move(s->actor), std::move(s->csrf_token)};
  });
}

Result<core::Unit> Auth::logout(std::string_view token) {
  auto out = in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) {
    tx.accounts().delete_session(token_hash(token));
    return Result<core::Unit>(core::Unit{});
  });
  if (out) note_identity_change();
  return out;
}

Result<core::Actor> Auth::bearer(std::string_view token) {
  std::string hash = token_hash(token);
  auto actor = in_read<core::Actor>(ctx_.db, [&](store::Tx& tx) -> Result<core::Actor> {
    auto found = tx.accounts().actor_by_token_hash(hash);
    if (!found) return make_error(Errc::unauthenticated, "unknown or revoked API token");
    return std::move(*found);
  });
  if (actor) {
    const auto now = ctx_.clock.now();
    std::lock_guard lock(uses_mutex_);
    uses_[std::move(hash)] = now;
  }
  return actor;
}

core::Done Auth::flush_token_use() {
  std::vector<std::pair<std::string, core::UnixTime>> batch;
  {
    std::lock_guard lock(uses_mutex_);
    batch.assign(std::make_move_iterator(uses_.begin()), std::make_move_iterator(uses_.end()));
    uses_.clear();
  }
  if (batch.empty()) return core::done();
  auto written = in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) {
    tx.accounts().record_api_token_use(batch);
    return core::done();
  });
  if (!written) {  // keep them for the next round (a newer use of the same token wins)
    std::lock_guard lock(uses_mutex_);
    for (auto& [hash, at] : batch) uses_.try_emplace(std::move(hash), at);
  }
  return written;
}

Result<std::string> Auth::issue_token(const core::Actor& actor, std::string_view email,
                                      std::string_view name) {
  std::string token = random_token("flt_");
  const auto now = ctx_.clock.now();
  return in_write<std::string>(ctx_.db, [&](store::Tx& tx) -> Result<std::string> {
    // Permission first, so a non-admin cannot probe which addresses exist.
    if (!core::can_administer(actor) &&
        core::to_lower_ascii(email) != core::to_lower_ascii(actor.email)) {
      return make_error(Errc::forbidden, "only an admin may issue tokens for others");
    }
    auto user = tx.accounts().user_by_email(core::to_lower_ascii(email));
    if (!user) return make_error(Errc::not_found, "no user with email " + std::string(email));
    tx.accounts().insert_api_token(user->id, token_hash(token), name.empty() ? "api" : name, now);
    return token;
  });
}

Result<std::vector<store::ApiTokenRecord>> Auth::tokens(const core::Actor& actor) {
  std::optional<core::Id> owner;
  if (!core::can_administer(actor)) owner = actor.id;
  return in_read<std::vector<store::ApiTokenRecord>>(ctx_.db, [&](store::Tx& tx) {
    return Result<std::vector<store::ApiTokenRecord>>(tx.accounts().list_api_tokens(owner));
  });
}

Result<core::Unit> Auth::revoke_token(const core::Actor& actor, core::Id token_id) {
  auto out = in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) -> Result<core::Unit> {
    std::optional<core::Id> owner;
    if (!core::can_administer(actor)) owner = actor.id;
    auto mine = tx.accounts().list_api_tokens(owner);
    bool visible = std::any_of(mine.begin(), mine.end(),
                               [&](const store::ApiTokenRecord& t) { return t.id == token_id; });
    if (!visible || !tx.accounts().delete_api_token(token_id)) {
      return make_error(Errc::not_found, "token not found");
    }
    return core::Unit{};
  });
  if (out) note_identity_change();
  return out;
}

}  // namespace frontline::app
