// SQLite LoginThrottleRepository: the sign-in throttle's counts. Every value is bound
// as a parameter.
#include "store/sqlite/repositories.hpp"

namespace frontline::store::sqlite {

std::optional<ThrottleCount> SqliteLoginThrottle::throttle_count(std::string_view key) {
  auto s = db_.prepare(
      "SELECT failures, first_at, last_at, next_slot FROM login_throttle WHERE key = ?1");
  s.bind(1, key);
  if (!s.step()) return std::nullopt;
  return ThrottleCount{static_cast<int>(s.int64(0)), s.int64(1), s.int64(2), s.int64(3)};
}

void SqliteLoginThrottle::put_throttle_count(std::string_view key, const ThrottleCount& c) {
  db_.prepare(
         "INSERT INTO login_throttle(key, failures, first_at, last_at, next_slot) "
         "VALUES(?1, ?2, ?3, ?4, ?5) ON CONFLICT(key) DO UPDATE SET "
         "failures = excluded.failures, first_at = excluded.first_at, "
         "last_at = excluded.last_at, next_slot = excluded.next_slot")
      .bind(1, key)
      .bind(2, static_cast<std::int64_t>(c.failures))
      .bind(3, c.first)
      .bind(4, c.last)
      .bind(5, c.next_slot)
      .run();
}

void SqliteLoginThrottle::delete_throttle_count(std::string_view key) {
  db_.prepare("DELETE FROM login_throttle WHERE key = ?1").bind(1, key).run();
}

std::int64_t SqliteLoginThrottle::prune_throttle_counts(core::UnixTime before) {
  db_.prepare("DELETE FROM login_throttle WHERE last_at < ?1 AND next_slot < ?1")
      .bind(1, before)
      .run();
  return db_.changes();
}

}  // namespace frontline::store::sqlite
