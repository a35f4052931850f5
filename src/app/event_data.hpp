// Builds the small JSON objects stored as event data ({"from":"open","to":"resolved"}) and
// appends events to the log.
// The app layer stays free of Boost.JSON; the http codecs embed this text as raw JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "store/tx.hpp"

namespace frontline::app {

class EventData {
 public:
  EventData& add(std::string_view key, std::string_view value);
  EventData& add(std::string_view key, std::int64_t value);
  EventData& add(std::string_view key, const std::optional<std::int64_t>& value);
  EventData& add(std::string_view key, const std::vector<std::string>& values);
  std::string str() const { return "{" + body_ + "}"; }

 private:
  void key(std::string_view k);
  std::string body_;
};

// Appends one event to the log in the caller's transaction and returns its id; whether it is
// internal comes from the event catalogue. actor.id 0 (the system) records no actor. For
// message.added, whose visibility depends on the message, use record_message_added.
core::Id record_event(store::Tx& tx, const core::Actor& actor, std::optional<core::Id> ticket,
                      core::EventType type, std::string data, core::UnixTime now);

// Appends message.added for message `message_id` of `kind` on ticket `number`: internal when the
// message is an internal note (the catalogue's rule). `first`: the ticket's first message;
// chat_id: said in that live chat.
void record_message_added(store::Tx& tx, const core::Actor& actor, core::Id number,
                          core::Id message_id, core::MessageKind kind, bool first,
                          core::UnixTime now, std::optional<core::Id> chat_id = std::nullopt);

// Reads an integer field back from event data this class wrote; nullopt when absent or null.
std::optional<std::int64_t> event_int(std::string_view data, std::string_view key);
// Reads a string field that holds a plain word (a status, a role: letters, digits, '_'); a view
// into data. nullopt when absent, null or anything else.
std::optional<std::string_view> event_word(std::string_view data, std::string_view key);

// Appends s to out as a JSON string literal (quotes and escapes included).
void append_json_string(std::string& out, std::string_view s);

}  // namespace frontline::app
