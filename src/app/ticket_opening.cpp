// Ticket use cases (see tickets.hpp): opening a ticket — by a customer, by staff for a requester,
// by a channel relaying someone's words — and logging phone calls, on a new ticket or an
// existing one. The rules every ticket write shares are in tickets.cpp (ticket_access.hpp).
#include "app/event_data.hpp"
#include "app/ticket_access.hpp"
#include "app/tickets.hpp"
#include "core/intake.hpp"
#include "core/text.hpp"
#include "core/ticket_policy.hpp"

namespace frontline::app {
namespace {

using core::Errc;
using core::Id;
using core::make_error;
using core::Result;

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

}  // namespace

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
    if (in.priority || !tags->empty() || in.service_id) {
      return make_error(Errc::forbidden,
                        "priority, tags and the service are set by the support team");
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

Result<core::Ticket> Tickets::open_in(store::Tx& tx, const core::Actor& actor, const OpenTicket& in,
                                      const std::vector<std::string>& tags,
                                      const std::vector<core::Attachment>& files,
                                      core::UnixTime now) {
  const std::string subject(core::trim(in.subject));
  const bool logs_call = actor.is_staff() && in.channel == core::Channel::phone;
  const bool written_by_requester = in.written_by_requester || logs_call;
  if (!in.idempotency_key.empty()) {
    if (auto first = tx.tickets().idempotent_ticket(actor.id, in.idempotency_key)) {
      auto t = tx.tickets().ticket_by_number(*first);
      if (t) t->fields = tx.intake().ticket_fields(*first);
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
  if (in.service_id) {
    if (!tx.services().service_by_id(*in.service_id)) {
      return core::invalid_field("service_id", "no such service",
                                 "There is no service " + std::to_string(*in.service_id) +
                                     " in the directory. Pick one from the directory search.");
    }
    t.service_id = in.service_id;
  }
  // The intake form of its category and service: required answers, each of the right kind.
  auto fields = core::answer_intake_form(
      tx.intake().form_questions(t.category, t.service_id, false), in.answers);
  if (!fields) return fields.take_error();
  t.channel = in.channel.value_or(core::Channel::web);
  t.tags = tags;  // copied, not moved: the unit may run again
  t.created_at = t.updated_at = t.public_updated_at = now;
  // The first message's text goes into the search document with the ticket row, saving
  // a second full-text write per create.
  tx.tickets().insert_ticket(t, in.body, in.call_notes);
  tx.intake().set_fields(t.number, *fields);
  t.fields = std::move(*fields);
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
  m.html = in.html;
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
    std::vector<core::TicketField> answered;
    if (!call.answers.empty()) {
      // A call on a ticket that exists adds or corrects answers; nothing is required any more.
      auto form = tx.intake().form_questions(t.category, t.service_id, false);
      for (auto& q : form) q.required = false;
      auto checked = core::answer_intake_form(form, call.answers);
      if (!checked) return checked.take_error();
      answered = std::move(*checked);
    }
    t.updated_at = now;
    t.version += 1;
    if (!tx.tickets().update_ticket(t))
      return make_error(Errc::stale, "ticket changed meanwhile; retry");
    record_call(tx, actor, number, call, true, now);
    if (!answered.empty()) {
      tx.intake().set_fields(number, answered);
      std::vector<std::string> ids;
      for (const auto& f : answered) ids.push_back(std::to_string(f.question_id));
      record_event(tx, actor, number, core::EventType::ticket_fields_answered,
                   EventData().add("question_ids", ids).str(), now);
    }
    t.fields = tx.intake().ticket_fields(number);
    return t;
  });
}

}  // namespace frontline::app
