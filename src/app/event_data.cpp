// JSON text for event data (see header).
#include "app/event_data.hpp"

#include <cctype>
#include <cstdio>

#include "app/notifications.hpp"

namespace frontline::app {

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

namespace {

core::Id append(store::Tx& tx, const core::Actor& actor, std::optional<core::Id> ticket,
                core::EventType type, std::string data, bool internal, core::UnixTime now) {
  core::Event e;
  e.ticket_number = ticket;
  if (actor.id > 0) e.actor_id = actor.id;
  e.type = core::to_string(type);
  e.data = std::move(data);
  e.internal = internal;
  e.created_at = now;
  e.id = tx.events().append_event(e);
  // In the same unit: when the live feed shows the event, its notifications are readable.
  notify_for_event(tx, actor, e);
  return e.id;
}

}  // namespace

core::Id record_event(store::Tx& tx, const core::Actor& actor, std::optional<core::Id> ticket,
                      core::EventType type, std::string data, core::UnixTime now) {
  // A type whose visibility depends on the event has its own recorder; should one come here
  // anyway, staff-only is the side that leaks nothing.
  const bool internal = core::event_spec(type).visibility != core::EventVisibility::public_;
  return append(tx, actor, ticket, type, std::move(data), internal, now);
}

void record_message_added(store::Tx& tx, const core::Actor& actor, core::Id number,
                          core::Id message_id, core::MessageKind kind, bool first,
                          core::UnixTime now, std::optional<core::Id> chat_id) {
  EventData data;
  data.add("message_id", message_id).add("kind", core::to_string(kind));
  if (first) data.add("first", 1);
  if (chat_id) data.add("chat_id", *chat_id);
  append(tx, actor, number, core::EventType::message_added, data.str(),
         kind == core::MessageKind::internal_note, now);
}

void EventData::key(std::string_view k) {
  if (!body_.empty()) body_ += ',';
  append_json_string(body_, k);
  body_ += ':';
}

EventData& EventData::add(std::string_view k, std::string_view value) {
  key(k);
  append_json_string(body_, value);
  return *this;
}

EventData& EventData::add(std::string_view k, std::int64_t value) {
  key(k);
  body_ += std::to_string(value);
  return *this;
}

EventData& EventData::add(std::string_view k, const std::optional<std::int64_t>& value) {
  if (!value) {
    key(k);
    body_ += "null";
    return *this;
  }
  return add(k, *value);
}

EventData& EventData::add(std::string_view k, const std::vector<std::string>& values) {
  key(k);
  body_ += '[';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) body_ += ',';
    append_json_string(body_, values[i]);
  }
  body_ += ']';
  return *this;
}

std::optional<std::int64_t> event_int(std::string_view data, std::string_view key) {
  std::string needle = "\"" + std::string(key) + "\":";
  auto at = data.find(needle);
  if (at == std::string_view::npos) return std::nullopt;
  at += needle.size();
  bool negative = at < data.size() && data[at] == '-';
  if (negative) ++at;
  std::int64_t v = 0;
  std::size_t digits = 0;
  for (; at < data.size() && data[at] >= '0' && data[at] <= '9' && digits < 18; ++at, ++digits) {
    v = v * 10 + (data[at] - '0');
  }
  if (digits == 0) return std::nullopt;
  return negative ? -v : v;
}

std::optional<std::string_view> event_word(std::string_view data, std::string_view key) {
  std::string needle = "\"" + std::string(key) + "\":\"";
  auto at = data.find(needle);
  if (at == std::string_view::npos) return std::nullopt;
  at += needle.size();
  auto end = at;
  while (end < data.size() &&
         (std::isalnum(static_cast<unsigned char>(data[end])) || data[end] == '_')) {
    ++end;
  }
  if (end >= data.size() || data[end] != '"') return std::nullopt;
  return data.substr(at, end - at);
}

}  // namespace frontline::app
