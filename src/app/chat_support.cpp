// What the live chat use cases share (see chat_support.hpp).
#include "app/chat_support.hpp"

#include "app/credentials.hpp"
#include "core/text.hpp"

namespace frontline::app::chat_support {

using core::Errc;
using core::make_error;

std::string person_json(Id id, std::string_view name) {
  return Json().num("id", id).str("name", name).done();
}

std::string form_json(const core::ChatForm& form) {
  std::string fields = "[";
  for (const auto& f : form.fields) {
    if (fields.size() > 1) fields += ',';
    Json field;
    field.str("name", f.name).str("label", f.label).str("type", core::to_string(f.type));
    field.flag("required", f.required);
    if (!f.options.empty()) {
      std::string options = "[";
      for (const auto& o : f.options) {
        if (options.size() > 1) options += ',';
        append_json_string(options, o);
      }
      field.raw("options", options + "]");
    }
    fields += field.done();
  }
  return Json().num("id", form.id).str("title", form.title).raw("fields", fields + "]").done();
}

std::string display_name(const core::ChatIntake& intake) {
  if (!intake.name.empty()) return intake.name;
  return intake.email.substr(0, intake.email.find('@'));
}

Result<core::Unit> check_client_id(std::string_view client_id) {
  if (client_id.size() > kMaxClientIdBytes || !core::is_valid_utf8(client_id)) {
    return core::invalid_field("client_id", "is longer than 100 bytes or not UTF-8");
  }
  return core::done();
}

// The actor a chat's writes on its ticket are made as: the signed-in caller, or the requester
// for an anonymous visitor.
core::Actor writer_of(const ChatCaller& caller, const core::Chat& chat) {
  if (caller.actor) return *caller.actor;
  core::Actor a;
  a.id = chat.requester_id;
  a.role = core::Role::customer;
  a.email = chat.intake.email;
  a.name = display_name(chat.intake);
  return a;
}

std::optional<Id> author_key(const ChatCaller& caller) {
  return caller.actor ? std::optional<Id>(caller.actor->id) : std::nullopt;
}

core::ChatEntry entry_by(const ChatParticipant& p, const ChatCaller& caller,
                         core::ChatEntryKind kind, core::UnixTime now) {
  core::ChatEntry e;
  e.chat_id = p.chat.id;
  e.kind = kind;
  e.author_role = p.role;
  e.author_id = author_key(caller);
  e.author_name = p.name;
  e.at = now;
  return e;
}

// A status entry (said by the system) and its sentence.
core::ChatEntry status_entry(const core::Chat& chat, std::string_view reason, std::string text,
                             core::UnixTime now) {
  core::ChatEntry e;
  e.chat_id = chat.id;
  e.kind = core::ChatEntryKind::status;
  e.author_role = core::Role::agent;
  e.author_name = "Help desk";
  e.body = std::move(text);
  Json data;
  data.str("status", core::to_string(chat.status)).str("reason", reason);
  if (chat.agent_id) data.raw("agent", person_json(*chat.agent_id, chat.agent_name));
  if (chat.team_id) data.num("team_id", *chat.team_id);
  e.data = data.done();
  e.at = now;
  return e;
}

core::ChatEntry appended(store::Tx& tx, core::ChatEntry e) {
  e.seq = tx.chats().append_entry(e);
  return e;
}

Result<core::Chat> load_chat(store::Tx& tx, Id chat_id) {
  auto chat = tx.chats().chat_by_id(chat_id);
  if (!chat) return make_error(Errc::not_found, "no chat #" + std::to_string(chat_id));
  return std::move(*chat);
}

Result<ChatParticipant> participant_in(store::Tx& tx, const ChatCaller& caller, Id chat_id,
                                       core::UnixTime now) {
  auto chat = load_chat(tx, chat_id);
  if (!chat) return chat.take_error();
  ChatParticipant p{std::move(*chat), core::Role::customer, ""};
  if (caller.actor && caller.actor->is_staff()) {
    p.role = core::Role::agent;
    p.name = caller.actor->name;
    return p;
  }
  if (caller.actor && caller.actor->id == p.chat.requester_id) {
    p.name = caller.actor->name.empty() ? display_name(p.chat.intake) : caller.actor->name;
    return p;
  }
  const bool token_expired =
      p.chat.ended_at && now > *p.chat.ended_at + kVisitorTokenDaysAfterEnd * 86400;
  if (!caller.visitor_token.empty() && !p.chat.visitor_token_hash.empty() && !token_expired &&
      token_hash(caller.visitor_token) == p.chat.visitor_token_hash) {
    p.name = display_name(p.chat.intake);
    return p;
  }
  // Not theirs: the same answer as a chat that does not exist.
  return make_error(Errc::not_found, "no chat #" + std::to_string(chat_id));
}

Result<core::Unit> staff_only(const core::Actor& actor, std::string_view what) {
  if (actor.is_staff()) return core::done();
  return make_error(Errc::forbidden, "only the support team may " + std::string(what));
}

ChatView view_of(store::Tx& tx, core::Chat chat, bool staff) {
  ChatView v{std::move(chat), 0, staff};
  if (v.chat.status == core::ChatStatus::waiting)
    v.queue_position = tx.chats().waiting_ahead(v.chat) + 1;
  return v;
}

void record_chat_event(store::Tx& tx, const core::Actor& actor, const core::Chat& chat,
                       core::EventType type, EventData data, core::UnixTime now) {
  record_event(tx, actor, chat.ticket_number, type, data.str(), now);
}

Result<core::Unit> refuse_if_ended(const core::Chat& chat) {
  if (chat.status != core::ChatStatus::ended) return core::done();
  return make_error(Errc::conflict, "This chat has ended. Reply on ticket #" +
                                        std::to_string(chat.ticket_number) + " instead.");
}

}  // namespace frontline::app::chat_support
