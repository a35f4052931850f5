// Live chat use cases: start a chat (a ticket from its first second), read and add to its
// numbered log, accept, transfer and end it, send forms into it and take the customer's answers,
// rate it, and re-offer chats nobody accepted in time. Each call authorizes the caller (staff;
// the chat's own customer; or the anonymous visitor holding its token — anyone else gets
// not_found) and writes the chat, its log entry, the ticket's message and the events in one
// write unit. The WebSocket hub learns of every change from the event log. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "app/tickets.hpp"
#include "core/chat.hpp"
#include "core/result.hpp"

namespace frontline::app {

struct ChatSettings {
  int max_chats_per_agent = 3;     // active chats one technician may hold at once
  int reoffer_after_seconds = 90;  // a waiting chat nobody accepts is offered again after this
};

// Who asks: a signed-in person, or an anonymous visitor with a chat's token (or both empty).
struct ChatCaller {
  std::optional<core::Actor> actor;
  std::string visitor_token;
};

// A chat as one caller may see it: staff_view says whether the pre-chat answers may be shown.
struct ChatView {
  core::Chat chat;
  std::int64_t queue_position = 0;  // while waiting: 1 is next
  bool staff_view = false;
};

struct StartedChat {
  ChatView view;
  std::string visitor_token;  // only for an anonymous visitor: grants this one chat
};

struct ChatLog {
  std::vector<core::ChatEntry> entries;
  std::int64_t last_seq = 0;
};

struct PostedEntry {
  core::ChatEntry entry;
  bool repeated = false;  // the client_id was seen: this is the first entry, nothing new written
};

// Who a caller is in a chat, as its log and typing indicators name them.
struct ChatParticipant {
  core::Chat chat;
  core::Role role = core::Role::customer;  // agent for any member of staff
  std::string name;
};

inline constexpr std::size_t kMaxChatMessageBytes = 16 * 1024;
inline constexpr std::size_t kMaxClientIdBytes = 100;

class Chats {
 public:
  Chats(Context& ctx, Tickets& tickets, ChatSettings settings)
      : ctx_(ctx), tickets_(tickets), settings_(settings) {}

  // A signed-in customer (actor) or an anonymous visitor (no actor) starts a chat; staff may
  // not. The requester is the customer, or the account of the visitor's email (created as an
  // unverified customer when unknown; the visitor's words are marked unverified). When no
  // technician is on line (agents_online false, as the hub sees it), the log says at once that
  // the chat is now a ticket answered by email.
  core::Result<StartedChat> start(const std::optional<core::Actor>& actor, core::ChatIntake intake,
                                  bool agents_online);
  core::Result<ChatView> get(const ChatCaller& caller, core::Id chat_id);
  // Staff: every chat in the status; a customer: their own.
  core::Result<std::vector<ChatView>> list(const core::Actor& actor, core::ChatStatus status);
  // The newest chat on a ticket, for whoever may see the ticket; nullopt when it has none.
  core::Result<std::optional<ChatView>> for_ticket(const core::Actor& actor, core::Id number);
  // Who the caller is in this chat; not_found when they may not see it.
  core::Result<ChatParticipant> participant(const ChatCaller& caller, core::Id chat_id);
  // Both at once, in one read (a socket's handshake needs who and what they see).
  core::Result<std::pair<ChatParticipant, ChatView>> join(const ChatCaller& caller,
                                                          core::Id chat_id);

  core::Result<ChatLog> entries(const ChatCaller& caller, core::Id chat_id, std::int64_t after,
                                int limit);
  core::Result<PostedEntry> post_message(const ChatCaller& caller, core::Id chat_id,
                                         std::string body, std::string client_id);

  // A file sent into the chat (the attachment limits apply): a message with the file attached on
  // the ticket, and a log entry naming it ({"files":[{"id","filename","size","content_type"}]}).
  core::Result<PostedEntry> send_file(const ChatCaller& caller, core::Id chat_id,
                                      NewAttachment file, std::string client_id);
  // A file sent in this chat, for whoever may see the chat; not_found for any other attachment.
  core::Result<AttachmentContent> file(const ChatCaller& caller, core::Id chat_id,
                                       core::Id attachment_id);

  core::Result<ChatView> accept(const core::Actor& actor, core::Id chat_id);
  // To a technician (accepting it on their behalf) or to a team (back to waiting for them).
  core::Result<ChatView> transfer(const core::Actor& actor, core::Id chat_id,
                                  std::optional<core::Id> agent_id, std::optional<core::Id> team_id,
                                  std::string note);
  // Staff or the customer end it; staff may also set the ticket's status (resolved).
  core::Result<ChatView> end(const ChatCaller& caller, core::Id chat_id,
                             std::optional<core::Status> ticket_status);
  core::Result<ChatView> rate(const ChatCaller& caller, core::Id chat_id, int rating,
                              std::string comment);

  core::Result<PostedEntry> request_form(const core::Actor& actor, core::Id chat_id,
                                         core::Id form_id);
  // The built-in "Shipping address" form (shipping_address_form) for a replacement on the
  // chat's ticket (invalid naming replacement_id otherwise; conflict once it is shipped or
  // cancelled). Its request entry carries "replacement_id": the customer's submission fills
  // the replacement's address and confirms it (app/replacements), in the same unit.
  core::Result<PostedEntry> request_address_form(const core::Actor& actor, core::Id chat_id,
                                                 core::Id replacement_id);
  core::Result<PostedEntry> submit_form(const ChatCaller& caller, core::Id chat_id,
                                        std::int64_t request_seq,
                                        std::vector<std::pair<std::string, std::string>> values,
                                        std::string client_id);

  // The whole conversation as plain text (for the download and the mail).
  core::Result<std::string> transcript(const ChatCaller& caller, core::Id chat_id);

  // Waiting chats nobody accepted within reoffer_after_seconds: offered again (a status entry
  // tells the customer); returns how many.
  core::Result<int> reoffer_unanswered();

  // Forms: staff read, admins write.
  core::Result<std::vector<core::ChatForm>> forms(const core::Actor& actor);
  core::Result<core::ChatForm> create_form(const core::Actor& actor, core::ChatForm form);
  core::Result<core::ChatForm> update_form(const core::Actor& actor, core::ChatForm form);
  core::Done delete_form(const core::Actor& actor, core::Id id);

 private:
  Context& ctx_;
  Tickets& tickets_;
  ChatSettings settings_;
};

// The transcript of a chat: every entry of its log, read in the caller's transaction (the mail
// composer uses it inside its own unit).
std::string transcript_in(store::Tx& tx, const core::Chat& chat);

}  // namespace frontline::app
