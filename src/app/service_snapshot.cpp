// A service's revision snapshot (see directory.hpp): the PATCH shape, written by hand as
// EventData is, so the app layer stays free of Boost.JSON. The http codec decodes it back with
// the PATCH decoder when a revision is restored.
#include "app/directory.hpp"
#include "app/event_data.hpp"

namespace frontline::app {
namespace {

void key(std::string& out, std::string_view k, bool first = false) {
  if (!first) out += ',';
  append_json_string(out, k);
  out += ':';
}

void text(std::string& out, std::string_view k, std::string_view v) {
  key(out, k);
  append_json_string(out, v);
}

void flag(std::string& out, std::string_view k, bool v) {
  key(out, k);
  out += v ? "true" : "false";
}

void strings(std::string& out, std::string_view k, const std::vector<std::string>& values) {
  key(out, k);
  out += '[';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, values[i]);
  }
  out += ']';
}

void contact(std::string& out, const core::ServiceContact& c) {
  out += '{';
  key(out, "id", true);
  out += std::to_string(c.id);
  text(out, "kind", core::to_string(c.kind));
  text(out, "value", c.value);
  key(out, "call_tree");
  out += '[';
  for (std::size_t i = 0; i < c.call_tree.size(); ++i) {
    if (i) out += ',';
    out += '{';
    key(out, "press", true);
    append_json_string(out, c.call_tree[i].press);
    text(out, "then", c.call_tree[i].then);
    out += '}';
  }
  out += ']';
  text(out, "hours", c.hours);
  text(out, "time_zone", c.time_zone);
  flag(out, "public", c.is_public);
  flag(out, "escalation", c.escalation);
  if (c.escalation) {
    key(out, "escalation_order");
    out += std::to_string(c.escalation_order);
  }
  flag(out, "primary", c.is_primary);
  flag(out, "active", c.active);
  text(out, "notes", c.notes);
  key(out, "review_interval_days");
  out += std::to_string(c.review_interval_days);
  out += '}';
}

}  // namespace

std::string service_snapshot(const core::Service& s) {
  std::string out = "{";
  key(out, "name", true);
  append_json_string(out, s.name);
  text(out, "description", s.description);
  strings(out, "urls", s.urls);
  strings(out, "keywords", s.keywords);
  key(out, "team_id");
  out += s.team_id ? std::to_string(*s.team_id) : "null";
  flag(out, "public", s.is_public);
  key(out, "contacts");
  out += '[';
  for (std::size_t i = 0; i < s.contacts.size(); ++i) {
    if (i) out += ',';
    contact(out, s.contacts[i]);
  }
  out += "]}";
  return out;
}

}  // namespace frontline::app
