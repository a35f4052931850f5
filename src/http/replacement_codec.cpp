// JSON for hardware replacements (see header).
#include "http/replacement_codec.hpp"

#include <boost/json/serialize.hpp>

#include "http/codec_support.hpp"
#include "http/field_reader.hpp"

namespace frontline::http {
namespace {

using decoding::decode;
using decoding::FieldReader;

json::value opt_time(const std::optional<core::UnixTime>& t) {
  return t ? json::value(iso8601(*t)) : json::value(nullptr);
}

json::object replacement_object(const core::Replacement& r, bool staff) {
  json::object address;
  for (auto key : core::kAddressKeys) address[key] = *core::address_field(r.address, key);
  json::array missing;
  for (auto key : core::address_missing(r.address)) missing.emplace_back(key);
  json::value confirmed_by = nullptr;
  if (r.confirmed_by) {
    confirmed_by = json::object{{"id", *r.confirmed_by},
                                {"name", r.confirmed_by_name},
                                {"role", core::to_string(r.confirmed_by_role)}};
  }
  json::object o{{"id", r.id},
                 {"ticket_number", r.ticket_number},
                 {"status", core::to_string(r.status)},
                 {"model", r.model},
                 {"serial", r.serial}};
  if (staff) o["reason"] = r.reason;
  o["address"] = std::move(address);
  o["address_missing"] = std::move(missing);
  o["confirmed_at"] = opt_time(r.confirmed_at);
  o["confirmed_by"] = std::move(confirmed_by);
  o["sent_model"] = r.sent_model;
  o["sent_serial"] = r.sent_serial;
  o["carrier"] = r.carrier;
  o["tracking_number"] = r.tracking_number;
  o["shipped_at"] = opt_time(r.shipped_at);
  o["delivered_at"] = opt_time(r.delivered_at);
  o["returned_at"] = opt_time(r.returned_at);
  o["cancelled_at"] = opt_time(r.cancelled_at);
  if (staff) o["cancel_reason"] = r.cancel_reason;
  o["created_by"] = json::object{{"id", r.created_by}, {"name", r.created_by_name}};
  o["created_at"] = iso8601(r.created_at);
  o["updated_at"] = iso8601(r.updated_at);
  o["version"] = r.version;
  return o;
}

// "address": an object of address keys and strings (null: empty); anything else is named.
app::AddressValues read_address(FieldReader& r) {
  app::AddressValues out;
  const json::object* o = r.object("address");
  if (!o) return out;
  for (const auto& kv : *o) {
    const std::string key(kv.key());
    const std::string field = "address." + key;
    core::ShippingAddress probe;
    if (!core::address_field(probe, key)) {
      r.adopt(core::make_error(core::Errc::bad_input, "unknown field \"" + field + "\"",
                               {{field, "unknown field"}}));
      return out;
    }
    if (kv.value().is_null()) {
      out.emplace_back(key, "");
      continue;
    }
    if (!kv.value().is_string()) {
      r.adopt(core::make_error(core::Errc::bad_input, field + " must be a string",
                               {{field, "must be a string"}}));
      return out;
    }
    if (FieldReader::has_nul(kv.value().as_string())) {
      r.adopt(core::make_error(core::Errc::bad_input,
                               field + " must not contain the NUL character (\\u0000)",
                               {{field, "must not contain the NUL character (\\u0000)"}}));
      return out;
    }
    out.emplace_back(key, std::string(kv.value().as_string()));
  }
  return out;
}

bool blank_body(std::string_view body) {
  return body.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

std::string replacement_json(const core::Replacement& r, const core::Actor& viewer) {
  return json::serialize(replacement_object(r, viewer.is_staff()));
}

std::string replacements_array_json(const std::vector<core::Replacement>& rs,
                                    const core::Actor& viewer) {
  json::array arr;
  for (const auto& r : rs) arr.push_back(replacement_object(r, viewer.is_staff()));
  return json::serialize(arr);
}

std::string replacements_json(const std::vector<core::Replacement>& rs, const core::Actor& viewer) {
  return "{\"items\":" + replacements_array_json(rs, viewer) + "}";
}

core::Result<app::NewReplacement> decode_new_replacement(std::string_view body) {
  return decode<app::NewReplacement>(body, [](FieldReader& r) {
    app::NewReplacement n;
    n.model = r.string("model", true).value_or("");
    n.serial = r.string("serial").value_or("");
    n.reason = r.string("reason").value_or("");
    n.address = read_address(r);
    return n;
  });
}

core::Result<app::ReplacementChanges> decode_replacement_changes(std::string_view body) {
  return decode<app::ReplacementChanges>(body, [](FieldReader& r) {
    app::ReplacementChanges c;
    c.version = r.integer("version");
    // Left out or null: 400 here (a wrong type was refused by integer() already).
    if (const auto* v = r.raw("version"); !v || v->is_null())
      r.type_error("version", "is required");
    c.model = r.string("model");
    c.serial = r.string("serial");
    c.reason = r.string("reason");
    c.address = read_address(r);
    return c;
  });
}

core::Result<app::Shipment> decode_shipment(std::string_view body) {
  return decode<app::Shipment>(body, [](FieldReader& r) {
    app::Shipment s;
    s.carrier = r.string("carrier").value_or("");
    s.tracking_number = r.string("tracking_number").value_or("");
    s.sent_model = r.string("sent_model");
    s.sent_serial = r.string("sent_serial").value_or("");
    return s;
  });
}

core::Result<std::string> decode_cancellation(std::string_view body) {
  if (blank_body(body)) return std::string();
  return decode<std::string>(body, [](FieldReader& r) { return r.string("reason").value_or(""); });
}

core::Result<core::Unit> decode_no_fields(std::string_view body) {
  if (blank_body(body)) return core::Unit{};
  return decode<core::Unit>(body, [](FieldReader&) { return core::Unit{}; });
}

}  // namespace frontline::http
