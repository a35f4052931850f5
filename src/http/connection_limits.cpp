// Connection counting for the accept loop (see header).
#include "http/connection_limits.hpp"

#include <algorithm>

namespace frontline::http {

ConnectionLimits::ConnectionLimits(int per_address, int total)
    : per_address_(static_cast<std::size_t>(std::max(1, per_address))),
      total_(static_cast<std::size_t>(std::max(1, total))) {}

std::optional<ConnectionLimits::Slot> ConnectionLimits::admit(const std::string& address) {
  std::lock_guard lock(mu_);
  if (open_ >= total_) return std::nullopt;
  auto& from = by_address_[address];
  if (from >= per_address_) return std::nullopt;
  ++from;
  ++open_;
  return std::optional<Slot>(std::in_place, this, address);
}

void ConnectionLimits::release(const std::string& address) {
  std::lock_guard lock(mu_);
  --open_;
  auto it = by_address_.find(address);
  if (it != by_address_.end() && --it->second == 0) by_address_.erase(it);
}

std::size_t ConnectionLimits::open_total() const {
  std::lock_guard lock(mu_);
  return open_;
}

std::size_t ConnectionLimits::open_from(const std::string& address) const {
  std::lock_guard lock(mu_);
  auto it = by_address_.find(address);
  return it == by_address_.end() ? 0 : it->second;
}

}  // namespace frontline::http
