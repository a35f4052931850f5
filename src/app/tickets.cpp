// Ticket use cases (see header). Pattern of every write: load inside the write transaction,
// authorize, apply the core rule, save with a version bump, append events.
#include "app/tickets.hpp"

#include <algorithm>

#include "app/credits.hpp"
#include "app/event_data.hpp"
#include "app/ticket_access.hpp"
#include "core/search_query.hpp"
#include "core/text.hpp"
#include "core/ticket_lifecycle.hpp"
#include "core/ticket_policy.hpp"

namespace frontline::app {
namespace {

using core::Errc;
using core::Error;
using core::Id;
using core::make_error;
using core::Result;

constexpr std::size_t kMaxTagBytes = 50;
constexpr std::size_t kMaxTags = 20;

// Tags are short lower-case labels: letters, digits, '-', '_', '.', ':'.
Result<std::vector<std::string>> normalise_tags(const std::vector<std::string>& raw) {
  std::vector<std::string> tags;
  for (const auto& r : raw) {
    std::string tag = core::to_lower_ascii(core::trim(r));
    if (tag.empty() || tag.size() > kMaxTagBytes) {
      return core::invalid_field("tags", "each tag is 1 to 50 characters");
    }
    for (char c : tag) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                c == '.' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
      if (!ok)
        return core::invalid_field("tags", "tag '" + tag +
                                               "' has a character other than letters, "
                                               "digits, '-', '_', '.' or ':'");
    }
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(std::move(tag));
  }
  if (tags.size() > kMaxTags) return core::invalid_field("tags", "at most 20 tags");
  std::sort(tags.begin(), tags.end());
  return tags;
}

// "type/subtype" of RFC 7230 token characters, nothing else (no parameters, no CR/LF).
bool is_plain_media_type(std::string_view s) {
  auto token_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
  };
  auto slash = s.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == s.size() || s.size() > 100) {
    return false;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i != slash && !token_char(s[i])) return false;
  }
  return true;
}

// How a field is called in a sentence for people.
std::string field_words(std::string_view field) {
  if (field == "body") return "The message";
  if (field == "subject") return "The subject";
  if (field == "call_notes") return "The call notes";
  if (field == "requester_name") return "The requester's name";
  if (field == "category") return "The category";
  return "The " + std::string(field);
}

Result<core::Unit> check_text(std::string_view field, std::string_view text, std::size_t max) {
  if (!core::is_valid_utf8(text)) {
    return core::invalid_field(std::string(field), "is not valid UTF-8",
                               field_words(field) +
                                   " has characters that are not valid text (UTF-8). Paste it "
                                   "again as plain text.");
  }
  if (text.size() > max) {
    const std::string limit = core::human_size(max);
    return core::invalid_field(std::string(field), "is longer than " + limit,
                               field_words(field) + " is longer than " + limit +
                                   ", the most it can be. Shorten it" +
                                   (field == "body" ? ", or attach long text as a file." : "."));
  }
  return core::Unit{};
}

// A call is logged by staff only, with notes and minutes in bounds.
Result<core::Unit> check_call(const core::Actor& actor, std::string_view notes,
                              std::optional<std::int64_t> minutes) {
  if (!actor.is_staff()) {
    return make_error(Errc::forbidden, "Only the support team can log a phone call.",
                      {{"call_notes", "not available to customers"}});
  }
  if (auto r = check_text("call_notes", notes, kMaxBodyBytes); !r) return r.take_error();
  if (minutes && (*minutes < 0 || *minutes > kMaxCallMinutes)) {
    return core::invalid_field("call_minutes", "must be between 0 and 1440",
                               "Enter the length of the call in whole minutes, from 0 to 1440.");
  }
  return core::Unit{};
}

// The technician's notes become an internal note; the call itself an internal call.logged event.
// `indexed`: whether the note's text still has to go into the search index (a new ticket's
// insert_ticket took it already).
void record_call(store::Tx& tx, const core::Actor& actor, Id number, const LoggedCall& call,
                 bool indexed, core::UnixTime now) {
  if (!core::trim(call.notes).empty()) {
    core::Message note;
    note.ticket_number = number;
    note.kind = core::MessageKind::internal_note;
    note.author_id = actor.id;
    note.body = call.notes;
    note.created_at = now;
    const Id id =
        indexed ? tx.messages().insert_message(note) : tx.messages().insert_message_unindexed(note);
    record_message_added(tx, actor, number, id, note.kind, /*first=*/false, now);
  }
  record_event(tx, actor, number, core::EventType::call_logged,
               EventData().add("taken_by", actor.id).add("minutes", call.minutes).str(), now);
}

// What every message must be, checked before attachments reach the disk and again inside the
// write (a macro's reply arrives there with its placeholders filled).
Result<core::Unit> check_message(core::MessageKind kind, std::string_view body,
                                 bool has_attachments) {
  if (kind == core::MessageKind::system)
    return core::invalid_field("kind", "must be public or internal");
  if (core::trim(body).empty() && !has_attachments)
    return core::invalid_field("body", "is required");
  return check_text("body", body, kMaxBodyBytes);
}

}  // namespace

Result<std::vector<core::Attachment>> Tickets::store_blobs(std::vector<NewAttachment>& files) {
  std::vector<core::Attachment> out;
  for (auto& f : files) {
    if (f.bytes.size() > ctx_.limits.max_attachment_bytes) {
      return make_error(Errc::too_large,
                        "The file \"" + f.filename + "\" is larger than " +
                            core::human_size(ctx_.limits.max_attachment_bytes) +
                            ", the most a file can be. Attach a smaller file, or share a link "
                            "to it instead.");
    }
    core::Attachment a;
    a.filename = f.filename.empty() ? "attachment" : f.filename;
    if (!core::is_valid_utf8(a.filename) || a.filename.size() > 255) a.filename = "attachment";
    // Only a plain type/subtype is kept: the value is echoed as a response header later.
    a.content_type = is_plain_media_type(f.content_type) ? core::to_lower_ascii(f.content_type)
                                                         : "application/octet-stream";
    a.size = static_cast<std::int64_t>(f.bytes.size());
    try {
      a.sha256 = ctx_.blobs.put(f.bytes);
    } catch (const store::StoreError& e) {
      return store_failure(e);
    }
    f.bytes.clear();
    out.push_back(std::move(a));
  }
  return out;
}

Result<core::Ticket> Tickets::open(const core::Actor& actor, OpenTicket in) {
  std::string subject(core::trim(in.subject));
  if (subject.empty()) return core::invalid_field("subject", "is required");
  if (auto r = check_text("subject", subject, kMaxSubjectBytes); !r) return r.take_error();
  if (core::trim(in.body).empty()) return core::invalid_field("body", "is required");
  if (auto r = check_text("body", in.body, kMaxBodyBytes); !r) return r.take_error();
  if (auto r = check_text("category", in.category, 100); !r) return r.take_error();
  auto tags = normalise_tags(in.tags);
  if (!tags) return tags.take_error();
  if (!actor.is_staff()) {
    if (in.requester_email &&
        core::to_lower_ascii(*in.requester_email) != core::to_lower_ascii(actor.email)) {
      return make_error(Errc::forbidden, "customers open tickets for themselves only",
                        {{"requester_email", "must be your own address"}});
    }
    if (in.priority || !tags->empty()) {
      return make_error(Errc::forbidden, "priority and tags are set by the support team");
    }
    if (in.channel && *in.channel != core::Channel::web && *in.channel != core::Channel::api) {
      return core::invalid_field("channel", "customers open tickets on the web or through the API");
    }
  }
  // A phone ticket that staff open is a call they took: the body is the caller's problem in
  // their words (so the requester is its author), the call is recorded on the ticket.
  if (!core::trim(in.call_notes).empty() || in.call_minutes) {
    if (auto r = check_call(actor, in.call_notes, in.call_minutes); !r) return r.take_error();
    if (in.channel && *in.channel != core::Channel::phone) {
      return core::invalid_field("channel", "a logged call is a phone ticket");
    }
    in.channel = core::Channel::phone;
  }
  if (in.requester_name) {
    if (auto r = check_text("requester_name", *in.requester_name, 200); !r) return r.take_error();
  }
  if (in.requester_email && !core::looks_like_email(*in.requester_email)) {
    return core::invalid_field("requester_email", "is not an email address");
  }
  auto files = store_blobs(in.attachments);
  if (!files) return files.take_error();

  const auto now = ctx_.clock.now();
  return in_write<core::Ticket>(ctx_.db, [&](store::Tx& tx) -> Result<core::Ticket> {
    return open_in(tx, actor, in, *tags, *files, now);
  });
}

Result<core::Ticket> Tickets::open_in(store::Tx& tx, const core::Actor& actor,
                                      const OpenTicket& in, const std::vector<std::string>& tags,
                                      const std::vector<core::Attachment>& files,
                                      core::UnixTime now) {
  const std::string subject(core::trim(in.subject));
  const bool logs_call = actor.is_staff() && in.channel == core::Channel::phone;
  const bool written_by_requester = in.written_by_requester || logs_call;
  if (!in.idempotency_key.empty()) {
    if (auto first = tx.tickets().idempotent_ticket(actor.id, in.idempotency_key)) {
      auto t = tx.tickets().ticket_by_number(*first);
      if (t) return core::as_seen_by(actor, std::move(*t));
    }
  }
  core::User requester;
  if (actor.is_staff() && in.requester_email) {
    auto found = tx.accounts().user_by_email(*in.requester_email);
    if (found) {
      requester = std::move(*found);
    } else {
      requester.email = core::to_lower_ascii(*in.requester_email);
      requester.name =
          in.requester_name.value_or(requester.email.substr(0, requester.email.find('@')));
      requester.role = core::Role::customer;
      requester.verified = false;
      requester.created_at = now;
      requester.id = tx.accounts().insert_user(requester, "");
      record_event(tx, actor, std::nullopt, core::EventType::user_created,
                   EventData().add("user_id", requester.id).str(), now);
    }
  } else {
    auto self = tx.accounts().user_by_id(actor.id);
    if (!self) return make_error(Errc::unauthenticated, "your account no longer exists");
    requester = std::move(*self);
  }
  if (!core::can_create_ticket_for(actor, requester.id)) {
    return make_error(Errc::forbidden, "customers open tickets for themselves only");
  }
  core::Ticket t;
  t.subject = subject;
  t.status = core::Status::new_;
  t.priority = in.priority.value_or(core::Priority::normal);
  t.requester_id = requester.id;
  t.requester_email = requester.email;
  t.requester_name = requester.name;
  t.organization_id = requester.organization_id;
  t.category = in.category;
  t.channel = in.channel.value_or(core::Channel::web);
  t.tags = tags;  // copied, not moved: the unit may run again
  t.created_at = t.updated_at = t.public_updated_at = now;
  // The first message's text goes into the search document with the ticket row, saving
  // a second full-text write per create.
  tx.tickets().insert_ticket(t, in.body, in.call_notes);
  core::Message m;
  m.ticket_number = t.number;
  m.kind = core::MessageKind::public_reply;
  // Who wrote it: the requester when a channel relays their words (or the system opens it).
  core::Actor author = actor;
  if (actor.id == 0 || (actor.is_staff() && written_by_requester)) {
    author = core::Actor{};
    author.id = requester.id;
    author.role = requester.role;
  }
  m.author_id = author.id;
  m.body = in.body;
  m.created_at = now;
  m.email_message_id = in.email_message_id;
  m.unverified_sender = in.unverified_sender;
  Id message_id = tx.messages().insert_message_unindexed(m);
  for (core::Attachment a : files) {  // a copy per run: the unit may run again
    a.ticket_number = t.number;
    a.message_id = message_id;
    a.created_at = now;
    tx.messages().insert_attachment(a);
  }
  record_event(tx, author, t.number, core::EventType::ticket_created,
               EventData()
                   .add("subject", t.subject)
                   .add("channel", core::to_string(t.channel))
                   .add("requester_id", t.requester_id)
                   .str(),
               now);
  record_message_added(tx, author, t.number, message_id, m.kind, /*first=*/true, now);
  if (logs_call) {
    record_call(tx, actor, t.number, {in.call_notes, in.call_minutes}, false, now);
  }
  if (!in.idempotency_key.empty()) {
    tx.tickets().remember_idempotent_ticket(actor.id, in.idempotency_key, t.number, now);
  }
  return core::as_seen_by(actor, std::move(t));
}

Result<core::Ticket> Tickets::log_call(const core::Actor& actor, Id number, LoggedCall call) {
  if (auto r = check_call(actor, call.notes, call.minutes); !r) return r.take_error();
  const auto now = ctx_.clock.now();
  return in_write<core::Ticket>(ctx_.db, [&](store::Tx& tx) -> Result<core::Ticket> {
    auto loaded = load_visible(tx, actor, number);
    if (!loaded) return loaded;
    core::Ticket t = std::move(*loaded);
    if (auto r = require(actor, core::TicketAction::add_internal_note, t, "log a call"); !r) {
      return r.take_error();
    }
    if (t.status == core::Status::closed) {
      return make_error(Errc::conflict, "Ticket #" + std::to_string(number) +
                                            " is closed. Log the call as a new ticket instead.");
    }
    t.updated_at = now;
    t.version += 1;
    if (!tx.tickets().update_ticket(t))
      return make_error(Errc::stale, "ticket changed meanwhile; retry");
    record_call(tx, actor, number, call, true, now);
    return t;
  });
}

Result<core::Ticket> Tickets::update(const core::Actor& actor, Id number, const TicketChanges& c,
                                     const std::optional<std::vector<std::int64_t>>& if_match) {
  const auto now = ctx_.clock.now();
  return in_write<core::Ticket>(ctx_.db, [&](store::Tx& tx) -> Result<core::Ticket> {
    return update_in(tx, actor, number, c, if_match, now);
  });
}

Result<core::Ticket> Tickets::update_in(store::Tx& tx, const core::Actor& actor, Id number,
                                        const TicketChanges& c,
                                        const std::optional<std::vector<std::int64_t>>& if_match,
                                        core::UnixTime now) {
  if (c.category) {
    if (auto r = check_text("category", *c.category, 100); !r) return r.take_error();
  }
  auto loaded = load_visible(tx, actor, number);
  if (!loaded) return loaded;
  core::Ticket t = std::move(*loaded);
  // add_tags / remove_tags are relative to the stored tags, read here inside the write so two
  // bulk edits adding different tags both land.
  std::optional<std::vector<std::string>> tags;
  if (c.tags || !c.add_tags.empty() || !c.remove_tags.empty()) {
    std::vector<std::string> wanted = c.tags ? *c.tags : t.tags;
    wanted.insert(wanted.end(), c.add_tags.begin(), c.add_tags.end());
    auto normalised = normalise_tags(wanted);
    if (!normalised) return normalised.take_error();
    auto removed = normalise_tags(c.remove_tags);
    if (!removed) return removed.take_error();
    std::erase_if(*normalised, [&](const std::string& tag) {
      return std::find(removed->begin(), removed->end(), tag) != removed->end();
    });
    tags = std::move(*normalised);
  }
  {
    // Customers hold the public version (see core::as_seen_by); staff the full one.
    const auto seen_version = actor.is_staff() ? t.version : t.public_version;
    if (if_match &&
        std::find(if_match->begin(), if_match->end(), seen_version) == if_match->end()) {
      return make_error(Errc::stale, "ticket #" + std::to_string(number) +
                                         " was changed by someone else; reload and try again");
    }
    const bool agent_fields = c.priority || c.assignee_id || c.team_id || c.category || tags;
    if (agent_fields) {
      if (auto r = require(actor, core::TicketAction::edit_properties, t, "change properties");
          !r) {
        return r.take_error();
      }
    }
    const core::Ticket before = t;
    struct Change {
      core::EventType type;
      std::string data;
    };
    std::vector<Change> changes;
    if (c.status && *c.status != t.status) {
      if (!actor.is_staff() && !core::customer_may_set_status(t.status, *c.status)) {
        return make_error(Errc::forbidden, "customers may mark a ticket resolved or reopen it",
                          {{"status", "not allowed"}});
      }
      if (auto r = core::change_status(t, *c.status, now); !r) return r.take_error();
    }
    if (c.priority && *c.priority != t.priority) {
      t.priority = *c.priority;
      changes.push_back({core::EventType::ticket_priority_changed,
                         EventData()
                             .add("from", core::to_string(before.priority))
                             .add("to", core::to_string(t.priority))
                             .str()});
    }
    if (c.assignee_id && *c.assignee_id != t.assignee_id) {
      if (*c.assignee_id) {
        auto user = tx.accounts().user_by_id(**c.assignee_id);
        if (!user || user->role == core::Role::customer || user->disabled) {
          return core::invalid_field("assignee_id", "is not an active agent");
        }
      }
      t.assignee_id = *c.assignee_id;
      changes.push_back(
          {core::EventType::ticket_assigned,
           EventData().add("from", before.assignee_id).add("to", t.assignee_id).str()});
    }
    if (c.team_id && *c.team_id != t.team_id) {
      if (*c.team_id && !tx.organizations().team_by_id(**c.team_id))
        return core::invalid_field("team_id", "no such team");
      t.team_id = *c.team_id;
      changes.push_back({core::EventType::ticket_team_changed,
                         EventData().add("from", before.team_id).add("to", t.team_id).str()});
    }
    if (c.category && *c.category != t.category) {
      t.category = *c.category;
      changes.push_back({core::EventType::ticket_category_changed,
                         EventData().add("from", before.category).add("to", t.category).str()});
    }
    if (tags && *tags != t.tags) {
      t.tags = *tags;
      changes.push_back({core::EventType::ticket_tags_changed,
                         EventData().add("from", before.tags).add("to", t.tags).str()});
    }
    // The status change is logged after the other changes of the same request: a resolve that
    // also assigns credits the new assignee, and the log reads in that order.
    if (t.status != before.status) {
      changes.push_back(
          {core::EventType::ticket_status_changed, EventData()
                                                       .add("from", core::to_string(before.status))
                                                       .add("to", core::to_string(t.status))
                                                       .str()});
    }
    if (changes.empty()) return core::as_seen_by(actor, std::move(t));
    t.updated_at = now;
    t.version += 1;
    if (std::any_of(changes.begin(), changes.end(), [](const Change& ch) {
          return core::event_spec(ch.type).visibility == core::EventVisibility::public_;
        })) {
      core::touch_public(t, now);
    }
    if (!tx.tickets().update_ticket(t)) {
      return make_error(Errc::stale, "ticket #" + std::to_string(number) + " changed meanwhile");
    }
    record_status_change(tx, t, before.status, now);
    for (auto& ch : changes) record_event(tx, actor, number, ch.type, std::move(ch.data), now);
    return core::as_seen_by(actor, std::move(t));
  }
}

Result<core::Message> Tickets::add_message(const core::Actor& actor, Id number,
                                           core::MessageKind kind, std::string body,
                                           std::vector<NewAttachment> attachments,
                                           const MessageOptions& options) {
  if (auto r = check_message(kind, body, !attachments.empty()); !r) return r.take_error();
  // Customers learn nothing from an internal-note attempt beyond "not allowed".
  if (kind == core::MessageKind::internal_note && !actor.is_staff()) {
    auto visible = get(actor, number);
    if (!visible) return visible.take_error();
    return make_error(Errc::forbidden, "internal notes are for the support team");
  }
  // Checked before an attachment reaches the disk: a caller who may not reply on this ticket
  // never gets a file written (the write below checks again, inside its transaction).
  if (!attachments.empty()) {
    auto allowed = in_read<core::Unit>(ctx_.db, [&](store::Tx& tx) -> Result<core::Unit> {
      auto t = load_visible(tx, actor, number);
      if (!t) return t.take_error();
      return require(actor, core::TicketAction::reply, *t, "reply");
    });
    if (!allowed) return allowed.take_error();
  }
  auto files = store_blobs(attachments);
  if (!files) return files.take_error();
  const auto now = ctx_.clock.now();
  return in_write<core::Message>(ctx_.db, [&](store::Tx& tx) -> Result<core::Message> {
    return add_message_in(tx, actor, number, kind, body, *files, options, now);
  });
}

Result<core::Message> Tickets::add_message_in(store::Tx& tx, const core::Actor& actor, Id number,
                                              core::MessageKind kind, const std::string& body,
                                              const std::vector<core::Attachment>& files,
                                              const MessageOptions& options, core::UnixTime now) {
  if (auto r = check_message(kind, body, !files.empty()); !r) return r.take_error();
  {
    auto loaded = load_visible(tx, actor, number);
    if (!loaded) return loaded.take_error();
    core::Ticket t = std::move(*loaded);
    const bool internal = kind == core::MessageKind::internal_note;
    auto action = internal ? core::TicketAction::add_internal_note : core::TicketAction::reply;
    if (auto r = require(actor, action, t, internal ? "add an internal note" : "reply"); !r) {
      return r.take_error();
    }
    const auto before = t.status;
    std::optional<core::Status> reopened;
    if (!internal && !options.keep_status) {
      auto applied = core::apply_public_reply(t, actor.is_staff(), now);
      if (!applied) return applied.take_error();
      reopened = *applied;
    }
    core::Message m;
    m.ticket_number = number;
    m.kind = kind;
    m.author_id = actor.id;
    m.author_name = actor.name;
    m.body = body;
    m.created_at = now;
    m.email_message_id = options.email_message_id;
    m.unverified_sender = options.unverified_sender;
    m.id = tx.messages().insert_message(m);
    // A copy per run: a write unit may run more than once and must not consume its inputs.
    for (core::Attachment a : files) {
      a.ticket_number = number;
      a.message_id = m.id;
      a.created_at = now;
      a.id = tx.messages().insert_attachment(a);
      m.attachments.push_back(a);
    }
    t.updated_at = now;
    t.version += 1;
    if (!internal) core::touch_public(t, now);
    if (!tx.tickets().update_ticket(t))
      return make_error(Errc::stale, "ticket changed meanwhile; retry");
    record_status_change(tx, t, before, now);
    record_message_added(tx, actor, number, m.id, kind, /*first=*/false, now, options.chat_id);
    if (reopened) {
      record_event(tx, actor, number, core::EventType::ticket_status_changed,
                   EventData()
                       .add("from", core::to_string(before))
                       .add("to", core::to_string(*reopened))
                       .str(),
                   now);
    }
    return m;
  }
}

Result<core::Ticket> Tickets::merge(const core::Actor& actor, Id source, Id target) {
  if (source == target) return core::invalid_field("into", "a ticket cannot be merged into itself");
  const auto now = ctx_.clock.now();
  return in_write<core::Ticket>(ctx_.db, [&](store::Tx& tx) -> Result<core::Ticket> {
    auto from = load_visible(tx, actor, source);
    if (!from) return from;
    auto into = load_visible(tx, actor, target);
    if (!into) return into;
    if (auto r = require(actor, core::TicketAction::merge, *from, "merge"); !r)
      return r.take_error();
    if (from->merged_into) return make_error(Errc::conflict, "ticket is already merged");
    // Merging moves the conversation; across requesters it would show one customer another's
    // messages.
    if (from->requester_id != into->requester_id) {
      return core::invalid_field(
          "into", "only tickets of the same requester can be merged; link them instead");
    }
    if (into->merged_into || into->status == core::Status::closed) {
      return core::invalid_field("into", "cannot merge into a merged or closed ticket");
    }
    tx.messages().move_messages(source, target);
    const auto status_before_merge = from->status;
    from->merged_into = target;
    if (from->status != core::Status::closed) {
      if (auto r = core::change_status(*from, core::Status::closed, now); !r) return r.take_error();
    }
    from->updated_at = now;
    from->version += 1;
    core::touch_public(*from, now);
    into->updated_at = now;
    into->version += 1;
    core::touch_public(*into, now);
    if (!tx.tickets().update_ticket(*from) || !tx.tickets().update_ticket(*into)) {
      return make_error(Errc::stale, "ticket changed meanwhile; retry");
    }
    record_status_change(tx, *from, status_before_merge, now);
    record_event(tx, actor, source, core::EventType::ticket_merged,
                 EventData().add("into", target).str(), now);
    record_event(tx, actor, target, core::EventType::ticket_merged_from,
                 EventData().add("from", source).str(), now);
    return std::move(*into);
  });
}

Result<std::vector<Id>> Tickets::link(const core::Actor& actor, Id number, Id other) {
  if (number == other) return core::invalid_field("ticket", "a ticket cannot be linked to itself");
  const auto now = ctx_.clock.now();
  return in_write<std::vector<Id>>(ctx_.db, [&](store::Tx& tx) -> Result<std::vector<Id>> {
    auto a = load_visible(tx, actor, number);
    if (!a) return a.take_error();
    auto b = load_visible(tx, actor, other);
    if (!b) return b.take_error();
    if (auto r = require(actor, core::TicketAction::link, *a, "link tickets"); !r) {
      return r.take_error();
    }
    tx.tickets().link_tickets(number, other);
    record_event(tx, actor, number, core::EventType::ticket_linked,
                 EventData().add("ticket", other).str(), now);
    record_event(tx, actor, other, core::EventType::ticket_linked,
                 EventData().add("ticket", number).str(), now);
    return tx.tickets().linked_tickets(number);
  });
}

}  // namespace frontline::app
