// The live chat protocol over the WebSocket hub (docs/chat.md): the server's frames for a chat's
// log entries and replies, the client frames parsed and size-checked, and what each client
// frame does (through app::Chats). No sockets here: the hub carries the frames. Pure functions
// and a stateless handler; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/chats.hpp"
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
std::string typing_frame(core::Role role, std::string_view name);
std::string error_frame(std::string_view detail, std::string_view client_id = {});
std::string pong_frame();

struct ClientFrame {
  enum class Type { message, typing, form_request, form_submit, ping };
  Type type = Type::ping;
  std::string body;
  std::string client_id;
  bool internal = false;  // typing: a technician writes an internal note (staff see it only)
  core::Id form_id = 0;
  std::int64_t request_seq = 0;
  std::vector<std::pair<std::string, std::string>> values;
};

// invalid (with a plain-words message) for anything that is not one of the client frames.
core::Result<ClientFrame> parse_client_frame(std::string_view text);

// What a frame that changes the chat answered: the frame for its sender (an ack, or an error),
// and whether the log grew (the hub then looks at it now rather than at its next poll).
struct Outcome {
  std::string reply;
  bool changed = false;
};

// Runs a message or form frame for the caller (not typing or ping: the hub answers those).
// Blocks on the write: call it off the network threads.
Outcome handle(app::Chats& chats, const app::ChatCaller& caller, core::Id chat_id,
               const ClientFrame& frame);

}  // namespace frontline::channels::chat
