// Ticket use cases (see header): changing a ticket — fields, messages and attachments, merge and
// link. Opening one and logging calls is ticket_opening.cpp; reading, ticket_listing.cpp. Pattern
// of every write: load inside the write transaction, authorize, apply the core rule, save with a
// version bump, append events.
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
    const bool agent_fields =
        c.priority || c.assignee_id || c.team_id || c.category || c.service_id || tags;
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
      std::string to_name;
      if (*c.team_id) {
        auto to = tx.organizations().team_by_id(**c.team_id);
        if (!to) return core::invalid_field("team_id", "no such team");
        to_name = std::move(to->name);
      }
      std::string from_name;
      if (before.team_id) {
        if (auto from = tx.organizations().team_by_id(*before.team_id)) {
          from_name = std::move(from->name);
        }
      }
      t.team_id = *c.team_id;
      changes.push_back({core::EventType::ticket_team_changed, EventData()
                                                                   .add("from", before.team_id)
                                                                   .add("to", t.team_id)
                                                                   .add("from_name", from_name)
                                                                   .add("to_name", to_name)
                                                                   .str()});
    }
    if (c.service_id && *c.service_id != t.service_id) {
      // The names go into the event, so the history reads them even after a rename.
      std::string to_name;
      if (*c.service_id) {
        auto to = tx.services().service_by_id(**c.service_id);
        if (!to) {
          return core::invalid_field("service_id", "no such service",
                                     "There is no service " + std::to_string(**c.service_id) +
                                         " in the directory. Pick one from the directory search.");
        }
        to_name = std::move(to->name);
      }
      std::string from_name;
      if (before.service_id) {
        if (auto from = tx.services().service_by_id(*before.service_id)) {
          from_name = std::move(from->name);
        }
      }
      t.service_id = *c.service_id;
      changes.push_back(
          {core::EventType::ticket_service_changed, EventData()
                                                        .add("from", before.service_id)
                                                        .add("to", t.service_id)
                                                        .add("from_name", from_name)
                                                        .add("to_name", to_name)
                                                        .str()});
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
    t.fields = tx.intake().ticket_fields(number);
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
    m.html = options.html;
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
