// libFuzzer target: what a chat client sends — a socket frame (parse_client_frame) or an HTTP
// body (the chat decoders) — must answer any bytes with a value or an error, never a crash; and a
// log entry whose stored data is any bytes still encodes as a frame, and the pre-chat and form
// rules take whatever a decoder let through.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "channels/chat/chat_frames.hpp"
#include "http/chat_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  using namespace frontline;
  if (auto frame = channels::chat::parse_client_frame(text)) {
    (void)channels::chat::ack_frame(frame->client_id, 1);
    (void)channels::chat::error_frame(frame->body, frame->client_id);
  }
  if (auto intake = http::decode_chat_intake(text)) (void)core::validate_intake(*intake);
  (void)http::decode_chat_message(text);
  (void)http::decode_chat_transfer(text);
  (void)http::decode_chat_form_request(text);
  (void)http::decode_chat_end(text);
  (void)http::decode_chat_rating(text);
  if (auto form = http::decode_chat_form(text)) {
    if (core::validate_form(*form)) {
      if (auto values = http::decode_chat_form_submission(text)) {
        (void)core::validate_submission(*form, values->values);
      }
    }
  }
  core::ChatEntry entry;
  entry.data = std::string(text);
  entry.body = std::string(text.substr(0, 64));
  (void)channels::chat::entry_frame(entry);
  return 0;
}
