// Trusted proxies and the client address (see header).
#include "http/client_address.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>
#include <optional>
#include <stdexcept>
#include <vector>

namespace frontline::http {
namespace {

namespace ip = boost::asio::ip;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<ip::address> parse_address(std::string_view s) {
  boost::system::error_code ec;
  auto a = ip::make_address(std::string(trim(s)), ec);
  if (ec) return std::nullopt;
  // An IPv4 client seen through an IPv6 socket is the same client.
  if (a.is_v6() && a.to_v6().is_v4_mapped()) return ip::make_address_v4(ip::v4_mapped, a.to_v6());
  return a;
}

}  // namespace

struct TrustedProxies::Networks {
  std::vector<ip::network_v4> v4;
  std::vector<ip::network_v6> v6;

  bool contains(const ip::address& a) const {
    if (a.is_v4()) {
      for (const auto& n : v4) {
        if (ip::network_v4(a.to_v4(), n.prefix_length()).network() == n.network()) return true;
      }
      return false;
    }
    for (const auto& n : v6) {
      if (ip::network_v6(a.to_v6(), n.prefix_length()).network() == n.network()) return true;
    }
    return false;
  }
};

TrustedProxies::TrustedProxies() : networks_(std::make_unique<Networks>()) {}
TrustedProxies::~TrustedProxies() = default;
TrustedProxies::TrustedProxies(TrustedProxies&&) noexcept = default;
TrustedProxies& TrustedProxies::operator=(TrustedProxies&&) noexcept = default;

TrustedProxies TrustedProxies::parse(std::string_view list) {
  TrustedProxies out;
  std::size_t i = 0;
  while (i < list.size()) {
    std::size_t end = list.find_first_of(", ", i);
    if (end == std::string_view::npos) end = list.size();
    std::string entry(list.substr(i, end - i));
    i = end + 1;
    if (entry.empty()) continue;
    boost::system::error_code ec;
    if (entry.find('/') == std::string::npos) {
      auto a = parse_address(entry);
      if (!a) throw std::invalid_argument("trusted_proxies: '" + entry + "' is not an address");
      if (a->is_v4()) {
        out.networks_->v4.emplace_back(a->to_v4(), 32);
      } else {
        out.networks_->v6.emplace_back(a->to_v6(), 128);
      }
      continue;
    }
    auto v4 = ip::make_network_v4(entry, ec);
    if (!ec) {
      out.networks_->v4.push_back(v4.canonical());
      continue;
    }
    auto v6 = ip::make_network_v6(entry, ec);
    if (ec) throw std::invalid_argument("trusted_proxies: '" + entry + "' is not a CIDR block");
    out.networks_->v6.push_back(v6.canonical());
  }
  return out;
}

bool TrustedProxies::empty() const { return networks_->v4.empty() && networks_->v6.empty(); }

std::string TrustedProxies::client_address(const std::string& peer,
                                           std::string_view forwarded_for) const {
  if (empty() || forwarded_for.empty()) return peer;
  auto peer_address = parse_address(peer);
  if (!peer_address || !networks_->contains(*peer_address)) return peer;
  std::string client = peer;
  std::size_t end = forwarded_for.size();
  while (end > 0) {
    std::size_t comma = forwarded_for.rfind(',', end - 1);
    std::size_t start = comma == std::string_view::npos ? 0 : comma + 1;
    auto hop = parse_address(forwarded_for.substr(start, end - start));
    if (!hop) break;
    client = hop->to_string();
    if (!networks_->contains(*hop)) break;
    if (comma == std::string_view::npos) break;
    end = comma;
  }
  return client;
}

}  // namespace frontline::http
