// libFuzzer target for what hardware replacements read from people: the bodies of POST
// /tickets/{n}/replacements, PATCH /replacements/{id}, /ship and /cancel (never a crash; every
// address key a body is allowed to carry is one of the address's fields, and the core's checks
// answer for whatever decodes), and a replacement status read from a path or query.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/replacement.hpp"
#include "http/replacement_codec.hpp"

namespace {

using frontline::core::ShippingAddress;

void check_address(const frontline::app::AddressValues& values) {
  ShippingAddress address;
  for (const auto& [key, value] : values) {
    auto* field = frontline::core::address_field(address, key);
    if (!field) __builtin_trap();  // the decoder let an unknown key through
    (void)frontline::core::check_address_value(key, value);
    *field = value;
  }
  (void)frontline::core::address_missing(address);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace http = frontline::http;
  namespace core = frontline::core;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (auto n = http::decode_new_replacement(input)) {
    (void)core::check_one_line("model", n->model, 200);
    (void)core::check_one_line("serial", n->serial, 200);
    check_address(n->address);
  }
  if (auto c = http::decode_replacement_changes(input)) {
    if (!c->version) __builtin_trap();  // a change names the version it read
    check_address(c->address);
  }
  if (auto s = http::decode_shipment(input)) {
    (void)core::check_one_line("carrier", s->carrier, 200);
    (void)core::check_one_line("tracking_number", s->tracking_number, 200);
  }
  (void)http::decode_cancellation(input);
  (void)core::parse_replacement_status(input);
  return 0;
}
