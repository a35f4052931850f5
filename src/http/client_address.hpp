// Who is on the other end of a request: the peer's address, or — when the peer is a proxy the
// operator trusts (trusted_proxies) — the client address it reports in X-Forwarded-For. Only a
// trusted peer is believed, so a client cannot pick the address its sign-in failures count
// against. Immutable after construction; thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace frontline::http {

class TrustedProxies {
 public:
  TrustedProxies();
  ~TrustedProxies();
  TrustedProxies(TrustedProxies&&) noexcept;
  TrustedProxies& operator=(TrustedProxies&&) noexcept;

  // A comma- or space-separated list of addresses and CIDR blocks ("10.0.0.0/8, ::1").
  // Throws std::invalid_argument naming the first entry that is neither.
  static TrustedProxies parse(std::string_view list);

  bool empty() const;
  // The client's address: the peer's, unless the peer is trusted and X-Forwarded-For is
  // present; then the right-most entry that is not itself a trusted proxy (the entries to its
  // left were written by the client and prove nothing). A malformed entry ends the walk there.
  std::string client_address(const std::string& peer, std::string_view forwarded_for) const;

 private:
  struct Networks;
  std::unique_ptr<Networks> networks_;
};

}  // namespace frontline::http
