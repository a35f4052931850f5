// The sign-in throttle's counts (app/login_throttle.hpp), kept in the database so every
// instance behind a load balancer counts the same failures. A count is keyed by what it counts
// ("pair:account\naddress", "address:…", "account:…"); the policy lives in the app layer.
// Promises: put replaces the whole count; prune drops counts by their latest activity.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/model.hpp"

namespace frontline::store {

struct ThrottleCount {
  int failures = 0;
  core::UnixTime first = 0;      // start of the window
  core::UnixTime last = 0;       // latest failure
  core::UnixTime next_slot = 0;  // an account under attack: when its next attempt may run
};

class LoginThrottleRepository {
 public:
  virtual ~LoginThrottleRepository() = default;

  virtual std::optional<ThrottleCount> throttle_count(std::string_view key) = 0;
  virtual void put_throttle_count(std::string_view key, const ThrottleCount& count) = 0;
  virtual void delete_throttle_count(std::string_view key) = 0;
  // Drops every count whose latest failure and next slot are both before `before`; returns how
  // many.
  virtual std::int64_t prune_throttle_counts(core::UnixTime before) = 0;
};

}  // namespace frontline::store
