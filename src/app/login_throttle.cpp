// Sign-in throttling (see header): the policy over counts kept in the database.
#include "app/login_throttle.hpp"

#include <algorithm>

namespace frontline::app {
namespace {

using Time = core::UnixTime;
using store::ThrottleCount;

bool expired(Time first, Time now) { return now - first >= LoginThrottle::kWindowSeconds; }

bool counting(const std::optional<ThrottleCount>& c, Time now) {
  return c && c->failures > 0 && !expired(c->first, now);
}

std::string pair_key(std::string_view account, std::string_view address) {
  std::string key = "pair:";
  key += account;
  key += '\n';  // neither an address nor a trimmed email holds a line break
  key += address;
  return key;
}
std::string address_key(std::string_view address) { return "address:" + std::string(address); }
std::string account_key(std::string_view account) { return "account:" + std::string(account); }

// Adds a failure at now to the count under key (a new window once the old one passed).
void count_failure(store::LoginThrottleRepository& counts, const std::string& key, Time now) {
  auto c = counts.throttle_count(key);
  ThrottleCount next = counting(c, now) ? *c : ThrottleCount{0, now, now, c ? c->next_slot : 0};
  ++next.failures;
  next.last = now;
  counts.put_throttle_count(key, next);
}

// Refused now: the pair's growing delay or the address's limit (0: not refused).
Time refusal(store::LoginThrottleRepository& counts, std::string_view account,
             std::string_view address, Time now) {
  Time refuse_for = 0;
  if (auto c = counts.throttle_count(pair_key(account, address));
      counting(c, now) && c->failures >= LoginThrottle::kFreeFailures) {
    const int doublings = std::min(c->failures - LoginThrottle::kFreeFailures, 20);
    const Time delay = std::min<Time>(LoginThrottle::kFirstDelaySeconds << doublings,
                                      LoginThrottle::kMaxDelaySeconds);
    if (now < c->last + delay) refuse_for = c->last + delay - now;
  }
  if (auto c = counts.throttle_count(address_key(address));
      counting(c, now) && c->failures >= LoginThrottle::kAddressFailures) {
    refuse_for = std::max(refuse_for, c->first + LoginThrottle::kWindowSeconds - now);
  }
  return refuse_for;
}

// The account's count when it is under attack (slowed), else nullopt.
std::optional<ThrottleCount> slowed(store::LoginThrottleRepository& counts,
                                    std::string_view account, Time now) {
  auto c = counts.throttle_count(account_key(account));
  if (!counting(c, now) || c->failures < LoginThrottle::kAccountFailures) return std::nullopt;
  return c;
}

}  // namespace

LoginThrottle::Decision LoginThrottle::check(std::string_view account, std::string_view address,
                                             Time now, bool take_slot) {
  // Most sign-ins are neither refused nor slowed: a read decides, and only an account under
  // attack takes its next slot in a write unit (which must see every other instance's slot).
  Decision d;
  bool take = false;
  db_.read([&](store::Tx& tx) {
    auto& counts = tx.login_throttle();
    d.refuse_for = refusal(counts, account, address, now);
    take = d.refuse_for == 0 && take_slot && slowed(counts, account, now).has_value();
  });
  if (!take) return d;
  db_.write([&](store::Tx& tx) {
    auto& counts = tx.login_throttle();
    d.wait = 0;
    auto c = slowed(counts, account, now);
    if (!c) return false;
    const Time slot = std::max(now, c->next_slot);
    d.wait = std::min(slot - now, kMaxSlowdownSeconds);
    c->next_slot = slot + kAccountSlotSeconds;
    counts.put_throttle_count(account_key(account), *c);
    return true;
  });
  return d;
}

void LoginThrottle::failed(std::string_view account, std::string_view address, Time now) {
  db_.write([&](store::Tx& tx) {
    auto& counts = tx.login_throttle();
    count_failure(counts, pair_key(account, address), now);
    count_failure(counts, address_key(address), now);
    count_failure(counts, account_key(account), now);
    // Counts whose window and slot have passed say nothing any more; a spray of addresses
    // cannot grow the table past one window's worth.
    counts.prune_throttle_counts(now - kWindowSeconds);
    return true;
  });
}

void LoginThrottle::succeeded(std::string_view account, std::string_view address) {
  // Nearly every sign-in follows no failure from there: then there is nothing to write.
  const auto key = pair_key(account, address);
  bool counted = false;
  db_.read([&](store::Tx& tx) { counted = tx.login_throttle().throttle_count(key).has_value(); });
  if (!counted) return;
  db_.write([&](store::Tx& tx) {
    tx.login_throttle().delete_throttle_count(key);
    return true;
  });
}

}  // namespace frontline::app
