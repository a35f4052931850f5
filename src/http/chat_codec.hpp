// JSON for live chats (docs/chat.md): chats as each caller may see them, their logs, forms, and
// the request bodies of the chat routes (strictly decoded, like request_decoding). Log entries
// are the chat protocol's own frames. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/chats.hpp"
#include "core/chat.hpp"
#include "core/result.hpp"

namespace frontline::http {

std::string chat_json(const app::ChatView& view);
std::string chats_json(const std::vector<app::ChatView>& views);
// 201 of POST /chats: {"id","status","queue_position","ticket_number","visitor_token"?,
// "agents_available","limits":{"max_upload_bytes"}}.
std::string started_chat_json(const app::StartedChat& started, bool agents_available,
                              std::size_t max_upload_bytes);
// {"items":[entry…],"last_seq"}
std::string chat_log_json(const app::ChatLog& log);
std::string chat_entry_json(const core::ChatEntry& entry);
// The hello frame of a chat socket: {"type":"hello","chat":{…},"last_seq",
// "limits":{"max_upload_bytes"}} (a visitor has no other way to learn the file limit).
std::string chat_hello_json(const app::ChatView& view, std::size_t max_upload_bytes);
std::string chat_form_json(const core::ChatForm& form);
std::string chat_forms_json(const std::vector<core::ChatForm>& forms);

struct ChatMessageInput {
  std::string body;
  std::string client_id;
};
struct ChatTransferInput {
  std::optional<core::Id> agent_id;
  std::optional<core::Id> team_id;
  std::string note;
};
struct ChatFormSubmission {
  std::vector<std::pair<std::string, std::string>> values;
  std::string client_id;
};
struct ChatRatingInput {
  int rating = 0;
  std::string comment;
};

core::Result<core::ChatIntake> decode_chat_intake(std::string_view body);
core::Result<ChatMessageInput> decode_chat_message(std::string_view body);
core::Result<ChatTransferInput> decode_chat_transfer(std::string_view body);
// {"ticket_status"} or an empty body.
core::Result<std::optional<core::Status>> decode_chat_end(std::string_view body);
// {"form_id"} (a form admins defined) or {"replacement_id"} (the built-in "Shipping address"
// form for that replacement): exactly one.
struct ChatFormRequest {
  std::optional<core::Id> form_id;
  std::optional<core::Id> replacement_id;
};
core::Result<ChatFormRequest> decode_chat_form_request(std::string_view body);
core::Result<ChatFormSubmission> decode_chat_form_submission(std::string_view body);
core::Result<ChatRatingInput> decode_chat_rating(std::string_view body);
core::Result<core::ChatForm> decode_chat_form(std::string_view body);  // {"title","fields"}

}  // namespace frontline::http
