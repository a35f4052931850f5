// Forms in live chats (see chats.hpp): admins define them, staff send one into an active chat,
// the customer fills it in there; the answers are an entry of the chat's log and a message on
// its ticket.
#include "app/chat_support.hpp"
#include "app/chats.hpp"
#include "app/replacements.hpp"
#include "core/text.hpp"

namespace frontline::app {

using core::Errc;
using core::Id;
using core::make_error;
using core::Result;
using namespace chat_support;

Result<PostedEntry> Chats::request_form(const core::Actor& actor, Id chat_id, Id form_id) {
  if (auto r = staff_only(actor, "send a form"); !r) return r.take_error();
  const auto now = ctx_.clock.now();
  return in_write<PostedEntry>(ctx_.db, [&](store::Tx& tx) -> Result<PostedEntry> {
    auto p = participant_in(tx, ChatCaller{actor, {}}, chat_id, now);
    if (!p) return p.take_error();
    if (p->chat.status != core::ChatStatus::active) {
      return make_error(Errc::conflict, "Send a form while the chat is active.");
    }
    auto form = tx.chats().form_by_id(form_id);
    if (!form) return core::invalid_field("form_id", "is not a chat form");
    auto e = entry_by(*p, ChatCaller{actor, {}}, core::ChatEntryKind::form, now);
    e.body = actor.name + " sent the form \"" + form->title + "\".";
    e.data = Json()
                 .str("action", "request")
                 .num("form_id", form->id)
                 .raw("form", form_json(*form))
                 .done();
    auto entry = appended(tx, std::move(e));
    record_chat_event(
        tx, actor, p->chat, core::EventType::chat_form_requested,
        EventData().add("chat_id", chat_id).add("form_id", form_id).add("seq", entry.seq), now);
    return PostedEntry{std::move(entry), false};
  });
}

Result<PostedEntry> Chats::request_address_form(const core::Actor& actor, Id chat_id,
                                                Id replacement_id) {
  if (auto r = staff_only(actor, "send a form"); !r) return r.take_error();
  const auto now = ctx_.clock.now();
  return in_write<PostedEntry>(ctx_.db, [&](store::Tx& tx) -> Result<PostedEntry> {
    auto p = participant_in(tx, ChatCaller{actor, {}}, chat_id, now);
    if (!p) return p.take_error();
    if (p->chat.status != core::ChatStatus::active) {
      return make_error(Errc::conflict, "Send a form while the chat is active.");
    }
    auto replacement = tx.replacements().replacement_by_id(replacement_id);
    if (!replacement || replacement->ticket_number != p->chat.ticket_number) {
      return core::invalid_field("replacement_id", "is not a replacement on this chat's ticket");
    }
    if (auto ok = core::check_editable(*replacement); !ok) return ok.take_error();
    const auto form = shipping_address_form();
    auto e = entry_by(*p, ChatCaller{actor, {}}, core::ChatEntryKind::form, now);
    e.body = actor.name + " asked for the shipping address of the replacement " +
             replacement->model + ".";
    e.data = Json()
                 .str("action", "request")
                 .num("form_id", form.id)
                 .num("replacement_id", replacement_id)
                 .raw("form", form_json(form))
                 .done();
    auto entry = appended(tx, std::move(e));
    record_chat_event(
        tx, actor, p->chat, core::EventType::chat_form_requested,
        EventData().add("chat_id", chat_id).add("form_id", form.id).add("seq", entry.seq), now);
    return PostedEntry{std::move(entry), false};
  });
}

Result<PostedEntry> Chats::submit_form(const ChatCaller& caller, Id chat_id,
                                       std::int64_t request_seq,
                                       std::vector<std::pair<std::string, std::string>> values,
                                       std::string client_id) {
  if (auto r = check_client_id(client_id); !r) return r.take_error();
  const auto now = ctx_.clock.now();
  return in_write<PostedEntry>(ctx_.db, [&](store::Tx& tx) -> Result<PostedEntry> {
    auto p = participant_in(tx, caller, chat_id, now);
    if (!p) return p.take_error();
    if (p->role != core::Role::customer) {
      return make_error(Errc::forbidden, "the customer fills in a form sent into the chat");
    }
    if (!client_id.empty()) {
      if (auto first = tx.chats().entry_by_client_id(chat_id, author_key(caller), client_id)) {
        return PostedEntry{std::move(*first), true};
      }
    }
    if (auto r = refuse_if_ended(p->chat); !r) return r.take_error();
    auto request = tx.chats().entry_by_seq(chat_id, request_seq);
    auto form_id = request ? event_int(request->data, "form_id") : std::nullopt;
    if (!request || request->kind != core::ChatEntryKind::form || !form_id ||
        request->author_role == core::Role::customer) {
      return core::invalid_field("request_seq", "names no form sent into this chat");
    }
    // A replacement's shipping address (request_address_form) or a form admins defined.
    const auto replacement_id = event_int(request->data, "replacement_id");
    auto form =
        replacement_id ? std::optional(shipping_address_form()) : tx.chats().form_by_id(*form_id);
    if (!form) return make_error(Errc::conflict, "This form was withdrawn. Ask for a new one.");
    auto checked = values;  // a copy per run: the unit may run again
    if (auto r = core::validate_submission(*form, checked); !r) return r.take_error();
    if (replacement_id) {
      auto filled = fill_address_and_confirm_in(tx, writer_of(caller, p->chat), *replacement_id,
                                                p->chat.ticket_number, checked, now);
      if (!filled) return filled.take_error();
    }
    std::string text = form->title + ":";
    std::string json_values;
    for (const auto& f : form->fields) {
      for (const auto& [name, value] : checked) {
        if (name != f.name || value.empty()) continue;
        text += "\n" + f.label + ": " + value;
        json_values += json_values.empty() ? "" : ",";
        append_json_string(json_values, name);
        json_values += ':';
        append_json_string(json_values, value);
      }
    }
    MessageOptions options;
    options.chat_id = chat_id;
    options.unverified_sender = !caller.actor;
    auto message = tickets_.add_message_in(tx, writer_of(caller, p->chat), p->chat.ticket_number,
                                           core::MessageKind::public_reply, text, {}, options, now);
    if (!message) return message.take_error();
    auto e = entry_by(*p, caller, core::ChatEntryKind::form, now);
    e.body = text;
    e.client_id = client_id;
    e.message_id = message->id;
    Json data;
    data.str("action", "submitted")
        .num("request_seq", request_seq)
        .num("form_id", form->id)
        .raw("values", "{" + json_values + "}");
    if (replacement_id) data.num("replacement_id", *replacement_id);
    e.data = data.done();
    auto entry = appended(tx, std::move(e));
    record_chat_event(
        tx, writer_of(caller, p->chat), p->chat, core::EventType::chat_form_submitted,
        EventData().add("chat_id", chat_id).add("form_id", *form_id).add("seq", entry.seq), now);
    return PostedEntry{std::move(entry), false};
  });
}

Result<std::vector<core::ChatForm>> Chats::forms(const core::Actor& actor) {
  if (auto r = staff_only(actor, "see chat forms"); !r) return r.take_error();
  return in_read<std::vector<core::ChatForm>>(ctx_.db, [&](store::Tx& tx) {
    return Result<std::vector<core::ChatForm>>(tx.chats().list_forms());
  });
}

Result<core::ChatForm> Chats::create_form(const core::Actor& actor, core::ChatForm form) {
  if (actor.role != core::Role::admin) return admins_only();
  form.title = std::string(core::trim(form.title));
  if (auto r = core::validate_form(form); !r) return r.take_error();
  form.updated_at = ctx_.clock.now();
  return in_write<core::ChatForm>(ctx_.db, [&](store::Tx& tx) -> Result<core::ChatForm> {
    core::ChatForm stored = form;
    stored.id = tx.chats().insert_form(stored);
    return stored;
  });
}

Result<core::ChatForm> Chats::update_form(const core::Actor& actor, core::ChatForm form) {
  if (actor.role != core::Role::admin) return admins_only();
  form.title = std::string(core::trim(form.title));
  if (auto r = core::validate_form(form); !r) return r.take_error();
  form.updated_at = ctx_.clock.now();
  return in_write<core::ChatForm>(ctx_.db, [&](store::Tx& tx) -> Result<core::ChatForm> {
    if (!tx.chats().update_form(form)) return make_error(Errc::not_found, "no such chat form");
    return form;
  });
}

core::Done Chats::delete_form(const core::Actor& actor, Id id) {
  if (actor.role != core::Role::admin) return admins_only();
  return in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) -> core::Done {
    if (!tx.chats().delete_form(id)) return make_error(Errc::not_found, "no such chat form");
    return core::done();
  });
}

}  // namespace frontline::app
