// Event JSON (see header).
#include "http/event_codec.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "core/event_catalogue.hpp"
#include "http/codec_support.hpp"

namespace frontline::http {

static json::object event_object(const core::Event& e) {
  json::object o;
  o["id"] = e.id;
  o["ticket_number"] = opt_id(e.ticket_number);
  o["actor_id"] = opt_id(e.actor_id);
  o["type"] = e.type;
  boost::system::error_code ec;
  auto data = json::parse(e.data, ec);
  o["data"] = ec ? json::value(json::object{}) : std::move(data);
  o["created_at"] = iso8601(e.created_at);
  return o;
}

std::string events_json(const std::vector<core::Event>& es) { return items_json(es, event_object); }

std::string stream_event_json(const core::Event& e) {
  json::object o = event_object(e);
  o["internal"] = e.internal;
  return json::serialize(json::object{{"type", "event"}, {"event", std::move(o)}});
}

std::string event_catalogue_json() {
  std::string out = "{\"events\": [";
  const char* separator = "\n  ";
  for (const auto& spec : core::event_catalogue()) {
    json::object o;
    o["name"] = spec.name;
    o["scope"] = core::to_string(spec.scope);
    o["visibility"] = core::to_string(spec.visibility);
    if (!spec.internal_when.empty()) o["internal_when"] = spec.internal_when;
    json::array fields;
    for (auto field : core::payload_fields(spec)) fields.emplace_back(field);
    o["fields"] = std::move(fields);
    o["summary"] = spec.summary;
    out += separator;
    out += json::serialize(o);
    separator = ",\n  ";
  }
  out += "\n]}\n";
  return out;
}

}  // namespace frontline::http
