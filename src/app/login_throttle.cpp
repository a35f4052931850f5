// Sign-in throttling (see header).
#include "app/login_throttle.hpp"

#include <algorithm>

namespace frontline::app {
namespace {

using Time = core::UnixTime;

bool expired(Time first, Time now) { return now - first >= LoginThrottle::kWindowSeconds; }

template <typename Count>
void count_failure(Count& c, Time now) {
  if (c.failures == 0 || expired(c.first, now)) c = Count{0, now, now};
  ++c.failures;
  c.last = now;
}

}  // namespace

std::string LoginThrottle::pair_key(std::string_view account, std::string_view address) {
  std::string key(account);
  key += '\n';  // neither an address nor a trimmed email holds a line break
  key += address;
  return key;
}

// Drops entries whose window has passed; a map still over the bound (a spray of distinct
// addresses) is emptied rather than grown without end.
template <typename Map>
void LoginThrottle::bound(Map& map, Time now) {
  if (map.size() <= kMaxEntries) return;
  std::erase_if(map, [&](const auto& kv) {
    if constexpr (requires { kv.second.count; }) {
      return expired(kv.second.count.first, now) && kv.second.next_slot <= now;
    } else {
      return expired(kv.second.first, now);
    }
  });
  if (map.size() > kMaxEntries) map.clear();
}

LoginThrottle::Decision LoginThrottle::check(std::string_view account, std::string_view address,
                                             Time now, bool take_slot) {
  std::lock_guard lock(mu_);
  Decision d;
  if (auto it = pairs_.find(pair_key(account, address)); it != pairs_.end()) {
    const Count& c = it->second;
    if (!expired(c.first, now) && c.failures >= kFreeFailures) {
      const int doublings = std::min(c.failures - kFreeFailures, 20);
      const Time delay = std::min<Time>(kFirstDelaySeconds << doublings, kMaxDelaySeconds);
      if (now < c.last + delay) d.refuse_for = c.last + delay - now;
    }
  }
  if (auto it = addresses_.find(address); it != addresses_.end()) {
    const Count& c = it->second;
    if (!expired(c.first, now) && c.failures >= kAddressFailures) {
      d.refuse_for = std::max(d.refuse_for, c.first + kWindowSeconds - now);
    }
  }
  if (d.refuse_for > 0 || !take_slot) return d;
  if (auto it = accounts_.find(account); it != accounts_.end()) {
    AccountState& a = it->second;
    if (!expired(a.count.first, now) && a.count.failures >= kAccountFailures) {
      const Time slot = std::max(now, a.next_slot);
      d.wait = std::min(slot - now, kMaxSlowdownSeconds);
      a.next_slot = slot + kAccountSlotSeconds;
    }
  }
  return d;
}

void LoginThrottle::failed(std::string_view account, std::string_view address, Time now) {
  std::lock_guard lock(mu_);
  count_failure(pairs_[pair_key(account, address)], now);
  auto address_it = addresses_.find(address);
  if (address_it == addresses_.end()) address_it = addresses_.emplace(address, Count{}).first;
  count_failure(address_it->second, now);
  auto account_it = accounts_.find(account);
  if (account_it == accounts_.end()) account_it = accounts_.emplace(account, AccountState{}).first;
  count_failure(account_it->second.count, now);
  bound(pairs_, now);
  bound(addresses_, now);
  bound(accounts_, now);
}

void LoginThrottle::succeeded(std::string_view account, std::string_view address) {
  std::lock_guard lock(mu_);
  pairs_.erase(pair_key(account, address));
}

}  // namespace frontline::app
