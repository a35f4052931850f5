// The live chat protocol's frames (docs/chat.md): the server's frames for a chat's log entries
// and replies, and the client frames parsed and size-checked. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/chat.hpp"
#include "core/result.hpp"

namespace frontline::channels::chat {

// The largest client frame the server reads (a message is at most 16 KB of text; a form's
// values more).
inline constexpr std::size_t kMaxClientFrameBytes = 64 * 1024;

// "customer" or "agent" (any member of staff), as frames name authors.
std::string_view author_role(core::Role role);

// Server frames.
std::string entry_frame(const core::ChatEntry& entry);
std::string ack_frame(std::string_view client_id, std::int64_t seq);
// internal: a technician writes an internal note (only staff get it).
std::string typing_frame(core::Role role, std::string_view name, bool internal = false);
std::string error_frame(std::string_view detail, std::string_view client_id = {});
std::string pong_frame();

struct ClientFrame {
  // viewing: on the event feed, the ticket a technician looks at (presence).
  enum class Type { message, typing, form_request, form_submit, ping, viewing };
  Type type = Type::ping;
  std::string body;
  std::string client_id;
  bool internal = false;  // typing: a technician writes an internal note (staff see it only)
  core::Id form_id = 0;
  core::Id ticket = 0;  // viewing / typing on the event feed: the ticket (0: none)
  std::int64_t request_seq = 0;
  std::vector<std::pair<std::string, std::string>> values;
};

// invalid (with a plain-words message) for anything that is not one of the client frames.
core::Result<ClientFrame> parse_client_frame(std::string_view text);

// What a frame that changes the chat answered: the frame for its sender (an ack, or an error),
// and whether the log grew (the hub then looks at it now rather than at its next poll).

}  // namespace frontline::channels::chat
