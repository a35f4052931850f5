// What the live chat use cases share (app/chats.cpp, app/chat_forms.cpp; nothing else includes
// this): who a caller is in a chat, the entries they write, the small JSON a log entry's data
// holds, and the checks every change makes. Pure helpers over a Tx; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/chats.hpp"
#include "app/event_data.hpp"
#include "core/chat.hpp"

namespace frontline::app::chat_support {

using core::Id;
using core::Result;

// A small JSON object writer for log entries' data (the app layer has no JSON library).
class Json {
 public:
  Json& raw(std::string_view key, std::string_view json) {
    this->key(key);
    out_ += json;
    return *this;
  }
  Json& str(std::string_view key, std::string_view value) {
    this->key(key);
    append_json_string(out_, value);
    return *this;
  }
  Json& num(std::string_view key, std::int64_t value) { return raw(key, std::to_string(value)); }
  Json& flag(std::string_view key, bool value) { return raw(key, value ? "true" : "false"); }
  std::string done() const { return "{" + out_ + "}"; }

 private:
  void key(std::string_view k) {
    if (!out_.empty()) out_ += ',';
    append_json_string(out_, k);
    out_ += ':';
  }
  std::string out_;
};

std::string person_json(Id id, std::string_view name);
std::string form_json(const core::ChatForm& form);
// The visitor's name, or the first part of their address.
std::string display_name(const core::ChatIntake& intake);
Result<core::Unit> check_client_id(std::string_view client_id);
// The actor a chat's writes on its ticket are made as: the signed-in caller, or the requester
// for an anonymous visitor.
core::Actor writer_of(const ChatCaller& caller, const core::Chat& chat);
// Whose client_ids these are: the signed-in caller's id, or nullopt for the chat's visitor.
std::optional<Id> author_key(const ChatCaller& caller);
// An entry by the participant, of this kind, now (body and data left for the caller).
core::ChatEntry entry_by(const ChatParticipant& p, const ChatCaller& caller,
                         core::ChatEntryKind kind, core::UnixTime now);
// A status entry (said by the help desk) with the chat's status, agent and team, and a sentence.
core::ChatEntry status_entry(const core::Chat& chat, std::string_view reason, std::string text,
                             core::UnixTime now);
// Appends e to its chat's log; returns it with its seq.
core::ChatEntry appended(store::Tx& tx, core::ChatEntry e);
Result<core::Chat> load_chat(store::Tx& tx, Id chat_id);
// How long a visitor's token keeps granting its chat after the chat ended (the transcript, the
// rating): long enough to come back for the transcript, not for ever on a shared computer.
inline constexpr core::UnixTime kVisitorTokenDaysAfterEnd = 30;

// Who the caller is in the chat; not_found (as for a chat that does not exist) when not theirs,
// or when a visitor's token has expired (kVisitorTokenDaysAfterEnd after the chat ended).
Result<ChatParticipant> participant_in(store::Tx& tx, const ChatCaller& caller, Id chat_id,
                                       core::UnixTime now);
Result<core::Unit> staff_only(const core::Actor& actor, std::string_view what);
ChatView view_of(store::Tx& tx, core::Chat chat, bool staff);
void record_chat_event(store::Tx& tx, const core::Actor& actor, const core::Chat& chat,
                       core::EventType type, EventData data, core::UnixTime now);
// conflict, naming the ticket to reply on, once the chat has ended.
Result<core::Unit> refuse_if_ended(const core::Chat& chat);

}  // namespace frontline::app::chat_support
