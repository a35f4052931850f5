// Hardware replacements on tickets (issue 15): what is replaced, where it is shipped, who
// confirmed the address, what was sent and by which carrier — value types and the pure rules
// about them: the required address fields, the limits of what people type, and which status
// may follow which. No I/O; thread-safe.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/result.hpp"

namespace frontline::core {

// requested → confirmed (the customer checked the address) → shipped → delivered → returned
// (the faulty unit came back); cancelled from any state before delivered.
enum class ReplacementStatus { requested, confirmed, shipped, delivered, returned, cancelled };
std::string_view to_string(ReplacementStatus s);
std::optional<ReplacementStatus> parse_replacement_status(std::string_view s);

// Where the replacement goes. Every field is a single line; empty when unknown.
struct ShippingAddress {
  std::string name;
  std::string organization;
  std::string line1;
  std::string line2;
  std::string city;
  std::string region;
  std::string postal_code;
  std::string country;
  std::string phone;
  std::string email;
  bool operator==(const ShippingAddress&) const = default;
};

// The address's keys in the order the API and forms list them.
inline constexpr std::array<std::string_view, 10> kAddressKeys{
    "name",   "organization", "line1",   "line2", "city",
    "region", "postal_code",  "country", "phone", "email"};
// The field named by key, or nullptr for a key that is not one of kAddressKeys.
std::string* address_field(ShippingAddress& a, std::string_view key);
const std::string* address_field(const ShippingAddress& a, std::string_view key);

// The required keys still empty (blank counts as empty), in kAddressKeys order: name, line1,
// city, postal_code, country, and "phone" when neither phone nor email is given.
std::vector<std::string_view> address_missing(const ShippingAddress& a);

// Limits of what people type (bytes of UTF-8, one line each).
inline constexpr std::size_t kMaxReplacementLineBytes = 200;  // model, serial, carrier, tracking
inline constexpr std::size_t kMaxReplacementReasonBytes = 4000;
inline constexpr std::size_t kMaxAddressFieldBytes = 200;
inline constexpr std::size_t kMinCountryBytes = 2;
inline constexpr std::size_t kMaxCountryBytes = 56;

// invalid naming `field` unless value is valid UTF-8 of at most max bytes without a line break
// or other control character.
Done check_one_line(std::string_view field, std::string_view value, std::size_t max);
// One address value, named "address.<key>" in errors; country (when given) is 2 to 56 bytes.
Done check_address_value(std::string_view key, std::string_view value);

struct Replacement {
  Id id = 0;
  Id ticket_number = 0;
  ReplacementStatus status = ReplacementStatus::requested;
  std::string model;
  std::string serial;
  std::string reason;  // internal: why it is replaced; customers never see it
  ShippingAddress address;
  std::optional<UnixTime> confirmed_at;
  std::optional<Id> confirmed_by;
  std::string confirmed_by_name;            // when read
  Role confirmed_by_role = Role::customer;  // when read
  std::string sent_model;
  std::string sent_serial;
  std::string carrier;
  std::string tracking_number;
  std::optional<UnixTime> shipped_at;
  std::optional<UnixTime> delivered_at;
  std::optional<UnixTime> returned_at;
  std::optional<UnixTime> cancelled_at;
  std::string cancel_reason;  // internal, like reason
  Id created_by = 0;
  std::string created_by_name;  // when read
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
  std::int64_t version = 1;
};

// Whether model, serial, reason and address may still change: before shipping and not
// cancelled; conflict otherwise, saying why.
Done check_editable(const Replacement& r);
// Whether `to` may follow the replacement's status (confirmed, shipped, delivered, returned,
// cancelled); conflict saying why not. Confirming also needs the address complete: invalid with
// one error per missing key, named "address.<key>".
Done check_transition(const Replacement& r, ReplacementStatus to);

}  // namespace frontline::core
