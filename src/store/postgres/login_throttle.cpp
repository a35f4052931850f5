// PostgreSQL LoginThrottleRepository: the sign-in throttle's counts. Every value is bound
// as a parameter.
#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

std::optional<ThrottleCount> PgLoginThrottle::throttle_count(std::string_view key) {
  auto s = db_.prepare(
      "SELECT failures, first_at, last_at, next_slot FROM login_throttle WHERE key = $1");
  s.bind(1, key);
  if (!s.step()) return std::nullopt;
  return ThrottleCount{static_cast<int>(s.int64(0)), s.int64(1), s.int64(2), s.int64(3)};
}

void PgLoginThrottle::put_throttle_count(std::string_view key, const ThrottleCount& c) {
  db_.prepare(
         "INSERT INTO login_throttle(key, failures, first_at, last_at, next_slot) "
         "VALUES($1, $2, $3, $4, $5) ON CONFLICT(key) DO UPDATE SET "
         "failures = excluded.failures, first_at = excluded.first_at, "
         "last_at = excluded.last_at, next_slot = excluded.next_slot")
      .bind(1, key)
      .bind(2, static_cast<std::int64_t>(c.failures))
      .bind(3, c.first)
      .bind(4, c.last)
      .bind(5, c.next_slot)
      .run();
}

void PgLoginThrottle::delete_throttle_count(std::string_view key) {
  db_.prepare("DELETE FROM login_throttle WHERE key = $1").bind(1, key).run();
}

std::int64_t PgLoginThrottle::prune_throttle_counts(core::UnixTime before) {
  auto s = db_.prepare("DELETE FROM login_throttle WHERE last_at < $1 AND next_slot < $1");
  s.bind(1, before);
  return s.changes();
}

}  // namespace frontline::store::postgres
