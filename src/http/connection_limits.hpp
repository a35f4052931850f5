// How many connections the server holds open, in all and per client address: admit() hands out
// a slot while both counts are under their caps, and the slot gives its place back when it is
// destroyed. Thread-safe.
#pragma once

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace frontline::http {

class ConnectionLimits {
 public:
  // A place held by one open connection; movable, released on destruction.
  class Slot {
   public:
    Slot(ConnectionLimits* owner, std::string address)
        : owner_(owner), address_(std::move(address)) {}
    Slot(Slot&& other) noexcept
        : owner_(std::exchange(other.owner_, nullptr)), address_(std::move(other.address_)) {}
    Slot& operator=(Slot&&) = delete;
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    ~Slot() {
      if (owner_) owner_->release(address_);
    }

   private:
    ConnectionLimits* owner_;
    std::string address_;
  };

  // Caps below 1 count as 1.
  ConnectionLimits(int per_address, int total);

  // A slot for a new connection from address, or nothing when either cap is reached.
  std::optional<Slot> admit(const std::string& address);

  std::size_t open_total() const;
  std::size_t open_from(const std::string& address) const;

 private:
  void release(const std::string& address);

  const std::size_t per_address_;
  const std::size_t total_;
  mutable std::mutex mu_;
  std::size_t open_ = 0;
  std::unordered_map<std::string, std::size_t> by_address_;  // only addresses with a connection
};

}  // namespace frontline::http
