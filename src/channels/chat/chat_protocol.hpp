// The live chat protocol over the WebSocket hub (docs/chat.md): what a client frame that changes
// the chat does, through app::Chats. No sockets here: the hub carries the frames
// (chat_frames.hpp encodes and parses them). Stateless; thread-safe.
#pragma once

#include <string>

#include "app/chats.hpp"
#include "channels/chat/chat_frames.hpp"

namespace frontline::channels::chat {

struct Outcome {
  std::string reply;
  bool changed = false;
};

// Runs a message or form frame for the caller (not typing or ping: the hub answers those).
// Blocks on the write: call it off the network threads.
Outcome handle(app::Chats& chats, const app::ChatCaller& caller, core::Id chat_id,
               const ClientFrame& frame);

}  // namespace frontline::channels::chat
