// Sign-in throttling: who may try a password now, and who must wait. Three counts over a
// 15-minute window, each against one kind of attack, none able to lock a person out from where
// they have not failed:
//   (account, address) — guessing one password from one place: a few free tries, then a delay
//     that doubles with every failure (5 s, 10 s, 20 s, … up to 15 minutes);
//   address — spraying many accounts from one place: refused after kAddressFailures;
//   account — guessing from many places: every attempt on the account is slowed, one per
//     kAccountSlotSeconds, but never refused, so its owner still gets in.
// The counts live in the database (store/login_throttle_repository.hpp), so instances sharing
// one count the same failures. Thread-safe; a database failure throws StoreError.
#pragma once

#include <string>
#include <string_view>

#include "core/model.hpp"
#include "store/database.hpp"

namespace frontline::app {

class LoginThrottle {
 public:
  static constexpr core::UnixTime kWindowSeconds = 15 * 60;
  static constexpr int kFreeFailures = 3;  // per (account, address) before delays begin
  // The first delay; whole seconds, so a shorter one could pass in the same clock tick.
  static constexpr core::UnixTime kFirstDelaySeconds = 5;
  static constexpr core::UnixTime kMaxDelaySeconds = 15 * 60;
  static constexpr int kAddressFailures = 100;  // per address and window
  static constexpr int kAccountFailures = 10;   // per account and window: slow it down
  static constexpr core::UnixTime kAccountSlotSeconds = 1;
  static constexpr core::UnixTime kMaxSlowdownSeconds = 30;

  struct Decision {
    core::UnixTime refuse_for = 0;  // > 0: refused; the seconds until an attempt may succeed
    core::UnixTime wait = 0;        // > 0: allowed after waiting this long (a slowed account)
  };

  explicit LoginThrottle(store::Database& db) : db_(db) {}

  // What to do with an attempt now. A slowed attempt takes the account's next free slot
  // (take_slot) and tries the password after `wait` seconds; asked again then, it passes
  // take_slot = false and is only checked for refusal.
  Decision check(std::string_view account, std::string_view address, core::UnixTime now,
                 bool take_slot = true);
  void failed(std::string_view account, std::string_view address, core::UnixTime now);
  // Forgets the (account, address) failures; the address and account counts stay, so one
  // known password cannot reset a spray or a distributed guess.
  void succeeded(std::string_view account, std::string_view address);

 private:
  store::Database& db_;
};

}  // namespace frontline::app
