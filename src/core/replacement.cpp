// Replacement rules (see header).
#include "core/replacement.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace frontline::core {
namespace {

constexpr std::array kStatusNames{std::string_view("requested"), std::string_view("confirmed"),
                                  std::string_view("shipped"),   std::string_view("delivered"),
                                  std::string_view("returned"),  std::string_view("cancelled")};

bool blank(std::string_view s) { return trim(s).empty(); }

// "address.postal_code" → "The postal code of the address", "tracking_number" → "The tracking
// number": what people read in the problem's detail.
std::string words(std::string_view field) {
  const bool in_address = field.starts_with("address.");
  if (in_address) field.remove_prefix(8);
  std::string out = "The " + std::string(field);
  std::replace(out.begin(), out.end(), '_', ' ');
  return in_address ? out + " of the address" : out;
}

Error conflict(std::string message) {
  return make_error(Errc::conflict, std::move(message), {{"status", "does not allow this"}});
}

}  // namespace

std::string_view to_string(ReplacementStatus s) {
  return kStatusNames[static_cast<std::size_t>(s)];
}

std::optional<ReplacementStatus> parse_replacement_status(std::string_view s) {
  for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
    if (kStatusNames[i] == s) return static_cast<ReplacementStatus>(i);
  }
  return std::nullopt;
}

std::string* address_field(ShippingAddress& a, std::string_view key) {
  return const_cast<std::string*>(address_field(static_cast<const ShippingAddress&>(a), key));
}

const std::string* address_field(const ShippingAddress& a, std::string_view key) {
  if (key == "name") return &a.name;
  if (key == "organization") return &a.organization;
  if (key == "line1") return &a.line1;
  if (key == "line2") return &a.line2;
  if (key == "city") return &a.city;
  if (key == "region") return &a.region;
  if (key == "postal_code") return &a.postal_code;
  if (key == "country") return &a.country;
  if (key == "phone") return &a.phone;
  if (key == "email") return &a.email;
  return nullptr;
}

std::vector<std::string_view> address_missing(const ShippingAddress& a) {
  std::vector<std::string_view> out;
  if (blank(a.name)) out.push_back("name");
  if (blank(a.line1)) out.push_back("line1");
  if (blank(a.city)) out.push_back("city");
  if (blank(a.postal_code)) out.push_back("postal_code");
  if (blank(a.country)) out.push_back("country");
  if (blank(a.phone) && blank(a.email)) out.push_back("phone");
  return out;
}

Done check_one_line(std::string_view field, std::string_view value, std::size_t max) {
  if (!is_valid_utf8(value)) {
    return invalid_field(std::string(field), "is not valid UTF-8",
                         words(field) + " has characters that are not valid text (UTF-8).");
  }
  if (value.size() > max) {
    const std::string limit = std::to_string(max) + " bytes";
    return invalid_field(std::string(field), "is longer than " + limit,
                         words(field) + " is longer than " + limit + ", the most it can be.");
  }
  if (std::any_of(value.begin(), value.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
    return invalid_field(std::string(field), "must be one line (no line breaks or tabs)",
                         words(field) + " is one line: remove the line breaks and tabs.");
  }
  return done();
}

Done check_address_value(std::string_view key, std::string_view value) {
  const std::string field = "address." + std::string(key);
  if (auto r = check_one_line(field, value, kMaxAddressFieldBytes); !r) return r;
  if (key == "country" && !value.empty() &&
      (trim(value).size() < kMinCountryBytes || value.size() > kMaxCountryBytes)) {
    return invalid_field(field, "is 2 to 56 bytes",
                         "The country is a code like US or the country's name (2 to 56 bytes).");
  }
  if (key == "email" && !blank(value) && !looks_like_email(trim(value))) {
    return invalid_field(field, "is not an email address",
                         "The email of the address does not look like an email address.");
  }
  return done();
}

Done check_editable(const Replacement& r) {
  switch (r.status) {
    case ReplacementStatus::requested:
    case ReplacementStatus::confirmed:
      return done();
    case ReplacementStatus::cancelled:
      return conflict("this replacement was cancelled: it can no longer be changed");
    default:
      return conflict("this replacement is " + std::string(to_string(r.status)) +
                      ": it can no longer be changed");
  }
}

Done check_transition(const Replacement& r, ReplacementStatus to) {
  using enum ReplacementStatus;
  const auto from = r.status;
  auto refuse = [&](std::string why) { return conflict(std::move(why)); };
  const std::string now_is = "this replacement is " + std::string(to_string(from));
  switch (to) {
    case requested:
      return refuse("a replacement is requested only when created");
    case confirmed: {
      if (from != requested) return refuse(now_is + ": only a requested one is confirmed");
      const auto missing = address_missing(r.address);
      if (missing.empty()) return done();
      std::vector<FieldError> errors;
      std::string names;
      for (auto key : missing) {
        errors.push_back(
            {"address." + std::string(key),
             key == "phone" ? "is required (a phone number or an email)" : "is required"});
        names += (names.empty() ? "" : ", ") + std::string(key);
      }
      return make_error(Errc::invalid, "the shipping address is missing: " + names,
                        std::move(errors));
    }
    case shipped:
      if (from == requested) {
        return refuse("the customer has not confirmed the shipping address yet");
      }
      if (from != confirmed) return refuse(now_is + ": only a confirmed one is shipped");
      return done();
    case delivered:
      if (from != shipped) return refuse(now_is + ": only a shipped one is delivered");
      return done();
    case returned:
      if (from != delivered) return refuse(now_is + ": only a delivered one comes back");
      return done();
    case cancelled:
      if (from == requested || from == confirmed || from == shipped) return done();
      return refuse(now_is + ": only a replacement not yet delivered is cancelled");
  }
  return refuse("unknown status");
}

}  // namespace frontline::core
