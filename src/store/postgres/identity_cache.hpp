// Who a bearer token or session cookie belongs to, remembered between requests on PostgreSQL,
// where looking it up is a round trip per request (half of a GET's database work). Correct only
// while every change that could alter an answer empties it:
//   - this process's own changes: a write unit that updates or deletes users, API tokens,
//     sessions or organizations marks itself (PgAccounts, PgOrganizations) and the database
//     empties the cache right after its COMMIT;
//   - other instances' changes: triggers on those tables NOTIFY frontline_identity
//     (migration 021), which the live hub's listener hears within milliseconds.
// So it is used only while that listener is connected (set_listening); a lost or never-started
// listener (a CLI command, an outage) makes every lookup go to the database. An entry is kept
// only when no change was heard between the lookup's start and its end (the epoch), so a lookup
// that read the old row cannot outlive the change. Thread-safe; bounded.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/account_repository.hpp"

namespace frontline::store::postgres {

class IdentityCache {
 public:
  static constexpr std::size_t kMaxEntries = 20000;

  bool usable() const { return listening_.load(); }
  // Turning on empties the cache: whatever changed while nobody listened is unknown.
  void set_listening(bool on) {
    if (on && !listening_.load()) forget_all();
    listening_ = on;
  }
  // Read before a lookup; pass to put_* with its answer.
  std::uint64_t epoch() const { return epoch_.load(); }
  // Something that may change an answer committed: forget every answer.
  void forget_all() {
    std::lock_guard lock(mu_);
    ++epoch_;
    tokens_.clear();
    sessions_.clear();
  }

  std::optional<core::Actor> token(std::string_view hash) const { return find(tokens_, hash); }
  std::optional<SessionRecord> session(std::string_view hash) const {
    return find(sessions_, hash);
  }
  void put_token(std::string_view hash, const core::Actor& actor, std::uint64_t since) {
    put(tokens_, hash, actor, since);
  }
  void put_session(std::string_view hash, const SessionRecord& session, std::uint64_t since) {
    put(sessions_, hash, session, since);
  }

 private:
  template <typename Map>
  std::optional<typename Map::mapped_type> find(const Map& map, std::string_view hash) const {
    if (!usable()) return std::nullopt;
    std::lock_guard lock(mu_);
    auto it = map.find(std::string(hash));
    if (it == map.end()) return std::nullopt;
    return it->second;
  }
  template <typename Map, typename Value>
  void put(Map& map, std::string_view hash, const Value& value, std::uint64_t since) {
    if (!usable()) return;
    std::lock_guard lock(mu_);
    if (epoch_.load() != since) return;  // a change was heard meanwhile: the answer may be old
    if (tokens_.size() + sessions_.size() >= kMaxEntries) {
      tokens_.clear();
      sessions_.clear();
    }
    map.insert_or_assign(std::string(hash), value);
  }

  mutable std::mutex mu_;
  std::atomic<std::uint64_t> epoch_{0};
  std::atomic<bool> listening_{false};
  std::unordered_map<std::string, core::Actor> tokens_;
  std::unordered_map<std::string, SessionRecord> sessions_;
};

// What a unit's PgAccounts and PgOrganizations share: the cache, and whether the unit changed
// something the cache answers from (then the database empties it after the COMMIT).
struct IdentityTracking {
  IdentityCache* cache = nullptr;  // null: no caching (tools and tests using a PgTx directly)
  bool changed = false;
};

}  // namespace frontline::store::postgres
