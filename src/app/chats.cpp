// Live chat use cases (see header).
#include "app/chats.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>

#include "app/accounts.hpp"
#include "app/chat_support.hpp"
#include "app/credentials.hpp"
#include "app/event_data.hpp"
#include "core/civil_date.hpp"
#include "core/text.hpp"

namespace frontline::app {

using core::Errc;
using core::Id;
using core::make_error;
using core::Result;
using namespace chat_support;

namespace {

constexpr int kMaxLogRead = 1000;

// "Printer shows E04 after …": the topic's first line, cut to fit a subject.
std::string subject_from(std::string_view topic) {
  std::string first(core::trim(topic.substr(0, topic.find('\n'))));
  constexpr std::size_t kMax = 120;
  if (first.size() <= kMax) return first;
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(first[cut]) & 0xC0) == 0x80) --cut;
  return first.substr(0, cut) + "…";
}

std::string clock_time(core::UnixTime t) {
  const auto day = static_cast<core::Day>(t >= 0 ? t / 86400 : (t - 86399) / 86400);
  const auto secs = t - static_cast<core::UnixTime>(day) * 86400;
  char hm[16];
  std::snprintf(hm, sizeof hm, " %02d:%02d UTC", static_cast<int>(secs / 3600),
                static_cast<int>(secs / 60 % 60));
  return core::format_day(day) + hm;
}

Result<core::Unit> check_message(std::string_view body, std::string_view client_id) {
  if (core::trim(body).empty()) {
    return core::invalid_field("body", "is required", "Type a message before sending.");
  }
  if (!core::is_valid_utf8(body)) return core::invalid_field("body", "is not valid UTF-8");
  if (body.size() > kMaxChatMessageBytes) {
    return core::invalid_field("body", "is longer than 16 KB",
                               "This message is too long for a chat (16 KB at most). Send it in "
                               "parts, or attach it on the ticket.");
  }
  return check_client_id(client_id);
}

// The steps every message into a chat takes in its write unit: who may, a resend (the first
// entry answers), an ended chat, staff before accepting; then the ticket message (with its files)
// and the log entry, whose data `data_of` writes from the stored message.
Result<PostedEntry> post_in(store::Tx& tx, Tickets& tickets, const ChatCaller& caller, Id chat_id,
                            const std::string& body, const std::vector<core::Attachment>& files,
                            const std::string& client_id,
                            const std::function<std::string(const core::Message&)>& data_of,
                            core::UnixTime now) {
  auto p = participant_in(tx, caller, chat_id, now);
  if (!p) return p.take_error();
  if (!client_id.empty()) {
    if (auto first = tx.chats().entry_by_client_id(chat_id, author_key(caller), client_id)) {
      return PostedEntry{std::move(*first), true};
    }
  }
  if (auto r = refuse_if_ended(p->chat); !r) return r.take_error();
  if (p->role == core::Role::agent && p->chat.status == core::ChatStatus::waiting) {
    return make_error(Errc::conflict, "Accept the chat before you write in it.");
  }
  MessageOptions options;
  options.chat_id = chat_id;
  options.unverified_sender = !caller.actor;
  auto message = tickets.add_message_in(tx, writer_of(caller, p->chat), p->chat.ticket_number,
                                        core::MessageKind::public_reply, body, files, options, now);
  if (!message) return message.take_error();
  auto e = entry_by(*p, caller, core::ChatEntryKind::message, now);
  e.body = body;
  e.client_id = client_id;
  e.message_id = message->id;
  if (data_of) e.data = data_of(*message);
  return PostedEntry{appended(tx, std::move(e)), false};
}

}  // namespace

Result<StartedChat> Chats::start(const std::optional<core::Actor>& actor, core::ChatIntake intake,
                                 bool agents_online) {
  if (actor && actor->is_staff()) {
    return make_error(Errc::forbidden, "staff answer chats; sign out to try the customer's side");
  }
  if (actor) intake.email = actor->email;  // a signed-in customer chats as themself
  if (auto r = core::validate_intake(intake); !r) return r.take_error();
  std::string token;
  if (!actor) token = random_token("flv_");
  const auto now = ctx_.clock.now();
  return in_write<StartedChat>(ctx_.db, [&](store::Tx& tx) -> Result<StartedChat> {
    core::Actor opener = actor ? *actor : system_actor();
    OpenTicket open;
    open.subject = subject_from(intake.topic);
    open.body = intake.topic;
    open.channel = core::Channel::chat;
    // The category's intake form is asked here as on the portal: required answers enforced,
    // each answer named answers.<id> when refused; the answers become the ticket's fields.
    open.category = intake.category;
    open.answers = intake.answers;
    if (!actor) {
      if (auto known = tx.accounts().user_by_email(intake.email);
          known && known->role != core::Role::customer) {
        return make_error(Errc::forbidden,
                          "this address belongs to a member of staff: sign in to chat",
                          {{"email", "belongs to a member of staff"}});
      }
      open.requester_email = intake.email;
      if (!intake.name.empty()) open.requester_name = intake.name;
      open.written_by_requester = true;
      open.unverified_sender = true;  // anyone can type any address into the widget
    }
    auto ticket = tickets_.open_in(tx, opener, open, {}, {}, now);
    if (!ticket) return ticket.take_error();
    core::Chat chat;
    chat.ticket_number = ticket->number;
    chat.status = core::ChatStatus::waiting;
    chat.intake = intake;
    chat.requester_id = ticket->requester_id;
    if (!token.empty()) chat.visitor_token_hash = token_hash(token);
    chat.created_at = chat.offered_at = now;
    chat.id = tx.chats().insert_chat(chat);
    core::ChatEntry first;
    first.chat_id = chat.id;
    first.kind = core::ChatEntryKind::message;
    first.author_role = core::Role::customer;
    first.author_id = actor ? std::optional<Id>(actor->id) : std::nullopt;
    first.author_name = actor && !actor->name.empty() ? actor->name : display_name(intake);
    first.body = intake.topic;
    first.at = now;
    chat.last_seq = tx.chats().append_entry(first);
    core::Actor requester = writer_of(ChatCaller{actor, token}, chat);
    record_chat_event(
        tx, requester, chat, core::EventType::chat_started,
        EventData().add("chat_id", chat.id).add("technician", std::int64_t{intake.technician}),
        now);
    if (!agents_online) {
      chat.last_seq = appended(tx, status_entry(chat, "unavailable",
                                                "No technician is available right now. Your chat "
                                                "is ticket #" +
                                                    std::to_string(chat.ticket_number) +
                                                    ": we will answer by email.",
                                                now))
                          .seq;
    }
    return StartedChat{view_of(tx, chat, false), token};
  });
}

Result<ChatParticipant> Chats::participant(const ChatCaller& caller, Id chat_id) {
  const auto now = ctx_.clock.now();
  return in_read<ChatParticipant>(
      ctx_.db, [&](store::Tx& tx) { return participant_in(tx, caller, chat_id, now); });
}

Result<std::pair<ChatParticipant, ChatView>> Chats::join(const ChatCaller& caller, Id chat_id) {
  const auto now = ctx_.clock.now();
  using Out = std::pair<ChatParticipant, ChatView>;
  return in_read<Out>(ctx_.db, [&](store::Tx& tx) -> Result<Out> {
    auto p = participant_in(tx, caller, chat_id, now);
    if (!p) return p.take_error();
    auto view = view_of(tx, p->chat, p->role != core::Role::customer);
    return Out{std::move(*p), std::move(view)};
  });
}

Result<ChatView> Chats::get(const ChatCaller& caller, Id chat_id) {
  const auto now = ctx_.clock.now();
  return in_read<ChatView>(ctx_.db, [&](store::Tx& tx) -> Result<ChatView> {
    auto p = participant_in(tx, caller, chat_id, now);
    if (!p) return p.take_error();
    return view_of(tx, std::move(p->chat), p->role != core::Role::customer);
  });
}

Result<std::vector<ChatView>> Chats::list(const core::Actor& actor, core::ChatStatus status) {
  return in_read<std::vector<ChatView>>(ctx_.db, [&](store::Tx& tx) {
    std::optional<Id> only;
    if (!actor.is_staff()) only = actor.id;
    std::vector<ChatView> out;
    for (auto& c : tx.chats().list_chats(status, only, 200)) {
      if (actor.is_staff() && status == core::ChatStatus::waiting) {
        // Staff list the whole queue oldest first: a chat's place is its place in the list.
        const auto position = static_cast<std::int64_t>(out.size()) + 1;
        out.push_back(ChatView{std::move(c), position, true});
      } else {
        out.push_back(view_of(tx, std::move(c), actor.is_staff()));
      }
    }
    return Result<std::vector<ChatView>>(std::move(out));
  });
}

Result<std::optional<ChatView>> Chats::for_ticket(const core::Actor& actor, Id number) {
  using Out = std::optional<ChatView>;
  return in_read<Out>(ctx_.db, [&](store::Tx& tx) -> Result<Out> {
    auto chat = tx.chats().chat_by_ticket(number);
    if (!chat) return Out();
    if (!actor.is_staff() && chat->requester_id != actor.id) return Out();
    return Out(view_of(tx, std::move(*chat), actor.is_staff()));
  });
}

Result<ChatLog> Chats::entries(const ChatCaller& caller, Id chat_id, std::int64_t after,
                               int limit) {
  const auto now = ctx_.clock.now();
  return in_read<ChatLog>(ctx_.db, [&](store::Tx& tx) -> Result<ChatLog> {
    auto p = participant_in(tx, caller, chat_id, now);
    if (!p) return p.take_error();
    ChatLog log;
    log.entries = tx.chats().entries_after(chat_id, after, std::clamp(limit, 1, kMaxLogRead));
    log.last_seq = p->chat.last_seq;
    return log;
  });
}

Result<PostedEntry> Chats::post_message(const ChatCaller& caller, Id chat_id, std::string body,
                                        std::string client_id) {
  if (auto r = check_message(body, client_id); !r) return r.take_error();
  const auto now = ctx_.clock.now();
  return in_write<PostedEntry>(ctx_.db, [&](store::Tx& tx) {
    return post_in(tx, tickets_, caller, chat_id, body, {}, client_id, nullptr, now);
  });
}

Result<PostedEntry> Chats::send_file(const ChatCaller& caller, Id chat_id, NewAttachment file,
                                     std::string client_id) {
  if (auto r = check_client_id(client_id); !r) return r.take_error();
  // Who may send is checked before the bytes are kept (a stranger's upload stores nothing).
  if (auto p = participant(caller, chat_id); !p) return p.take_error();
  std::vector<NewAttachment> files{std::move(file)};
  auto stored = tickets_.store_blobs(files);
  if (!stored) return stored.take_error();
  const auto now = ctx_.clock.now();
  const auto& a = stored->front();
  const std::string text = "Sent a file: " + a.filename + " (" + core::human_size(a.size) + ")";
  auto files_json = [](const core::Message& message) {
    std::string files = "[";
    for (const auto& att : message.attachments) {
      if (files.size() > 1) files += ',';
      files += Json()
                   .num("id", att.id)
                   .str("filename", att.filename)
                   .num("size", att.size)
                   .str("content_type", att.content_type)
                   .done();
    }
    return Json().raw("files", files + "]").done();
  };
  return in_write<PostedEntry>(ctx_.db, [&](store::Tx& tx) {
    return post_in(tx, tickets_, caller, chat_id, text, *stored, client_id, files_json, now);
  });
}

Result<AttachmentContent> Chats::file(const ChatCaller& caller, Id chat_id, Id attachment_id) {
  auto p = participant(caller, chat_id);
  if (!p) return p.take_error();
  auto on_ticket = in_read<bool>(ctx_.db, [&](store::Tx& tx) {
    auto a = tx.messages().attachment_by_id(attachment_id);
    return Result<bool>(a && a->ticket_number == p->chat.ticket_number);
  });
  if (!on_ticket) return on_ticket.take_error();
  if (!*on_ticket) return make_error(Errc::not_found, "no such file in this chat");
  // The ticket's own rule decides the rest (a customer never gets an internal note's file).
  core::Actor reader = caller.actor ? *caller.actor : writer_of(caller, p->chat);
  return tickets_.attachment(reader, attachment_id);
}

Result<ChatView> Chats::accept(const core::Actor& actor, Id chat_id) {
  if (auto r = staff_only(actor, "accept a chat"); !r) return r.take_error();
  const auto now = ctx_.clock.now();
  return in_write<ChatView>(ctx_.db, [&](store::Tx& tx) -> Result<ChatView> {
    auto chat = load_chat(tx, chat_id);
    if (!chat) return chat.take_error();
    if (auto r = refuse_if_ended(*chat); !r) return r.take_error();
    if (chat->status == core::ChatStatus::active) {
      if (chat->agent_id == actor.id) return view_of(tx, std::move(*chat), true);
      return make_error(Errc::conflict, chat->agent_name + " accepted this chat already.");
    }
    const auto open = tx.chats().active_chats_of(actor.id);
    if (open >= settings_.max_chats_per_agent) {
      return make_error(Errc::conflict, "You have " + std::to_string(open) +
                                            " chats open, the most allowed. End one before "
                                            "accepting another.");
    }
    chat->status = core::ChatStatus::active;
    chat->agent_id = actor.id;
    chat->agent_name = actor.name;
    if (!chat->accepted_at) chat->accepted_at = now;
    tx.chats().update_chat(*chat);
    TicketChanges assign;
    assign.assignee_id = std::optional<Id>(actor.id);
    if (auto r = tickets_.update_in(tx, actor, chat->ticket_number, assign, std::nullopt, now);
        !r) {
      return r.take_error();
    }
    chat->last_seq =
        appended(tx, status_entry(*chat, "accepted", actor.name + " joined the chat.", now)).seq;
    record_chat_event(tx, actor, *chat, core::EventType::chat_accepted,
                      EventData().add("chat_id", chat->id).add("agent_id", actor.id), now);
    return view_of(tx, std::move(*chat), true);
  });
}

Result<ChatView> Chats::transfer(const core::Actor& actor, Id chat_id, std::optional<Id> agent_id,
                                 std::optional<Id> team_id, std::string note) {
  if (auto r = staff_only(actor, "transfer a chat"); !r) return r.take_error();
  if (agent_id.has_value() == team_id.has_value()) {
    return core::invalid_field("agent_id", "give agent_id or team_id, not both",
                               "Choose a technician or a team to hand the chat to.");
  }
  note = std::string(core::trim(note));
  if (note.size() > 2000 || !core::is_valid_utf8(note)) {
    return core::invalid_field("note", "is longer than 2000 bytes or not UTF-8");
  }
  const auto now = ctx_.clock.now();
  return in_write<ChatView>(ctx_.db, [&](store::Tx& tx) -> Result<ChatView> {
    auto chat = load_chat(tx, chat_id);
    if (!chat) return chat.take_error();
    if (auto r = refuse_if_ended(*chat); !r) return r.take_error();
    TicketChanges changes;
    std::string text;
    if (agent_id) {
      auto agent = tx.accounts().user_by_id(*agent_id);
      if (!agent || agent->role == core::Role::customer || agent->disabled) {
        return core::invalid_field("agent_id", "is not an active member of staff");
      }
      const auto open = tx.chats().active_chats_of(agent->id);
      if (open >= settings_.max_chats_per_agent && chat->agent_id != agent->id) {
        return make_error(Errc::conflict, agent->name + " has " + std::to_string(open) +
                                              " chats open already. Choose someone else.");
      }
      chat->status = core::ChatStatus::active;
      chat->agent_id = agent->id;
      chat->agent_name = agent->name;
      if (!chat->accepted_at) chat->accepted_at = now;
      changes.assignee_id = std::optional<Id>(agent->id);
      text = "You are now chatting with " + agent->name + ".";
    } else {
      auto team = tx.organizations().team_by_id(*team_id);
      if (!team) return core::invalid_field("team_id", "is not a team");
      chat->status = core::ChatStatus::waiting;
      chat->agent_id.reset();
      chat->agent_name.clear();
      chat->team_id = team->id;
      chat->offered_at = now;
      changes.team_id = std::optional<Id>(team->id);
      changes.assignee_id = std::optional<Id>();
      text = "You are being transferred to the " + team->name +
             " team. The next technician there will answer.";
    }
    tx.chats().update_chat(*chat);
    if (auto r = tickets_.update_in(tx, actor, chat->ticket_number, changes, std::nullopt, now);
        !r) {
      return r.take_error();
    }
    chat->last_seq = appended(tx, status_entry(*chat, "transferred", text, now)).seq;
    EventData data;
    data.add("chat_id", chat->id).add("agent_id", agent_id).add("team_id", team_id);
    if (!note.empty()) data.add("note", note);
    record_chat_event(tx, actor, *chat, core::EventType::chat_transferred, data, now);
    return view_of(tx, std::move(*chat), true);
  });
}

Result<ChatView> Chats::end(const ChatCaller& caller, Id chat_id,
                            std::optional<core::Status> ticket_status) {
  const auto now = ctx_.clock.now();
  return in_write<ChatView>(ctx_.db, [&](store::Tx& tx) -> Result<ChatView> {
    auto p = participant_in(tx, caller, chat_id, now);
    if (!p) return p.take_error();
    const bool staff = p->role == core::Role::agent;
    if (ticket_status && !staff) {
      return make_error(Errc::forbidden, "the support team sets the ticket's status");
    }
    core::Chat& chat = p->chat;
    if (chat.status != core::ChatStatus::ended) {
      chat.status = core::ChatStatus::ended;
      chat.ended_at = now;
      tx.chats().update_chat(chat);
      chat.last_seq =
          appended(tx, status_entry(chat, "ended", p->name + " ended the chat.", now)).seq;
      record_chat_event(tx, writer_of(caller, chat), chat, core::EventType::chat_ended,
                        EventData().add("chat_id", chat.id).add("by", staff ? "agent" : "customer"),
                        now);
    }
    if (ticket_status) {
      TicketChanges changes;
      changes.status = *ticket_status;
      auto r =
          tickets_.update_in(tx, *caller.actor, chat.ticket_number, changes, std::nullopt, now);
      if (!r) return r.take_error();
    }
    return view_of(tx, std::move(chat), staff);
  });
}

Result<ChatView> Chats::rate(const ChatCaller& caller, Id chat_id, int rating,
                             std::string comment) {
  if (rating < 1 || rating > 5) {
    return core::invalid_field("rating", "is 1 to 5", "Rate the chat from 1 to 5 stars.");
  }
  comment = std::string(core::trim(comment));
  if (comment.size() > 2000 || !core::is_valid_utf8(comment)) {
    return core::invalid_field("comment", "is longer than 2000 bytes or not UTF-8");
  }
  const auto now = ctx_.clock.now();
  return in_write<ChatView>(ctx_.db, [&](store::Tx& tx) -> Result<ChatView> {
    auto p = participant_in(tx, caller, chat_id, now);
    if (!p) return p.take_error();
    if (p->role != core::Role::customer) {
      return make_error(Errc::forbidden, "the customer rates a chat");
    }
    if (p->chat.status != core::ChatStatus::ended) {
      return make_error(Errc::conflict, "Rate the chat once it has ended.");
    }
    p->chat.rating = rating;
    p->chat.rating_comment = comment;
    tx.chats().update_chat(p->chat);
    record_chat_event(tx, writer_of(caller, p->chat), p->chat, core::EventType::chat_rated,
                      EventData().add("chat_id", chat_id).add("rating", std::int64_t{rating}), now);
    return view_of(tx, std::move(p->chat), false);
  });
}

std::string transcript_in(store::Tx& tx, const core::Chat& chat) {
  std::string out = "Chat about: " + chat.intake.topic + "\nTicket #" +
                    std::to_string(chat.ticket_number) + ", started " +
                    clock_time(chat.created_at) + "\n";
  if (chat.ended_at) out += "Ended " + clock_time(*chat.ended_at) + "\n";
  out += "\n";
  for (std::int64_t after = 0;;) {
    auto page = tx.chats().entries_after(chat.id, after, kMaxLogRead);
    for (const auto& e : page) {
      out += "[" + clock_time(e.at) + "] ";
      out += e.kind == core::ChatEntryKind::status ? "— " + e.body : e.author_name + ": " + e.body;
      out += "\n";
    }
    if (static_cast<int>(page.size()) < kMaxLogRead) break;
    after = page.back().seq;
  }
  return out;
}

Result<std::string> Chats::transcript(const ChatCaller& caller, Id chat_id) {
  const auto now = ctx_.clock.now();
  return in_read<std::string>(ctx_.db, [&](store::Tx& tx) -> Result<std::string> {
    auto p = participant_in(tx, caller, chat_id, now);
    if (!p) return p.take_error();
    return transcript_in(tx, p->chat);
  });
}

Result<int> Chats::reoffer_unanswered() {
  const auto now = ctx_.clock.now();
  return in_write<int>(ctx_.db, [&](store::Tx& tx) -> Result<int> {
    auto due = tx.chats().waiting_offered_before(now - settings_.reoffer_after_seconds, 50);
    for (auto& chat : due) {
      const auto waited = now - chat.created_at;
      chat.offered_at = now;
      tx.chats().update_chat(chat);
      const auto position = tx.chats().waiting_ahead(chat) + 1;
      chat.last_seq = appended(tx, status_entry(chat, "reoffered",
                                                "Everyone is still busy; we have asked every "
                                                "technician again. You are number " +
                                                    std::to_string(position) + " in the queue.",
                                                now))
                          .seq;
      record_chat_event(tx, system_actor(), chat, core::EventType::chat_reoffered,
                        EventData().add("chat_id", chat.id).add("waited_seconds", waited), now);
    }
    return static_cast<int>(due.size());
  });
}

}  // namespace frontline::app
