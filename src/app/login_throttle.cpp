// Sign-in throttling (see header): the policy over counts read and written in one unit.
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

}  // namespace

LoginThrottle::Decision LoginThrottle::check(std::string_view account, std::string_view address,
                                             Time now, bool take_slot) {
  Decision d;
  // One write unit: taking the account's next slot must see every other instance's slot.
  db_.write([&](store::Tx& tx) {
    auto& counts = tx.login_throttle();
    d = Decision{};
    if (auto c = counts.throttle_count(pair_key(account, address));
        counting(c, now) && c->failures >= kFreeFailures) {
      const int doublings = std::min(c->failures - kFreeFailures, 20);
      const Time delay = std::min<Time>(kFirstDelaySeconds << doublings, kMaxDelaySeconds);
      if (now < c->last + delay) d.refuse_for = c->last + delay - now;
    }
    if (auto c = counts.throttle_count(address_key(address));
        counting(c, now) && c->failures >= kAddressFailures) {
      d.refuse_for = std::max(d.refuse_for, c->first + kWindowSeconds - now);
    }
    if (d.refuse_for > 0 || !take_slot) return false;  // nothing to write
    const auto key = account_key(account);
    auto c = counts.throttle_count(key);
    if (!counting(c, now) || c->failures < kAccountFailures) return false;
    const Time slot = std::max(now, c->next_slot);
    d.wait = std::min(slot - now, kMaxSlowdownSeconds);
    c->next_slot = slot + kAccountSlotSeconds;
    counts.put_throttle_count(key, *c);
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
  db_.write([&](store::Tx& tx) {
    tx.login_throttle().delete_throttle_count(pair_key(account, address));
    return true;
  });
}

}  // namespace frontline::app
