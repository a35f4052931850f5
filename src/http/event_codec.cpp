// Event JSON (see header).
#include "http/event_codec.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

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

}  // namespace frontline::http
