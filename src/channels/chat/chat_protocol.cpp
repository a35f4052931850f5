// The live chat protocol (see header).
#include "channels/chat/chat_protocol.hpp"

namespace frontline::channels::chat {

Outcome handle(app::Chats& chats, const app::ChatCaller& caller, core::Id chat_id,
               const ClientFrame& frame) {
  core::Result<app::PostedEntry> posted = core::make_error(core::Errc::invalid, "");
  switch (frame.type) {
    case ClientFrame::Type::message:
      posted = chats.post_message(caller, chat_id, frame.body, frame.client_id);
      break;
    case ClientFrame::Type::form_request:
      if (!caller.actor) return {error_frame("only the support team sends forms"), false};
      posted = chats.request_form(*caller.actor, chat_id, frame.form_id);
      break;
    case ClientFrame::Type::form_submit:
      posted = chats.submit_form(caller, chat_id, frame.request_seq, frame.values, frame.client_id);
      break;
    case ClientFrame::Type::typing:
    case ClientFrame::Type::ping:
      return {};
    case ClientFrame::Type::viewing:
      return {error_frame("a chat has no viewing frames: send them on the event feed"), false};
  }
  if (!posted) return {error_frame(posted.error().message, frame.client_id), false};
  return {ack_frame(frame.client_id, posted->entry.seq), !posted->repeated};
}

}  // namespace frontline::channels::chat
