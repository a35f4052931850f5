// Outgoing mail (see header).
#include "app/mail_outbox.hpp"

#include <algorithm>

#include "app/chats.hpp"
#include "app/credentials.hpp"
#include "app/event_data.hpp"
#include "app/mail.hpp"
#include "app/mail_templates.hpp"
#include "core/civil_date.hpp"
#include "core/replacement.hpp"
#include "core/text.hpp"

namespace frontline::app {

using core::Errc;
using core::Id;
using core::make_error;
using core::Result;

namespace {

constexpr const char* kConsumer = "email";

// Who an escalation brought in, in the requester's words (the summary stays internal).
std::string escalated_to(store::Tx& tx, const core::Event& e) {
  if (auto team_id = event_int(e.data, "team_id")) {
    auto team = tx.organizations().team_by_id(*team_id);
    if (!team) return "another team";
    const auto lower = core::to_lower_ascii(team->name);
    const bool says_team = lower.size() >= 4 && lower.ends_with("team");
    return "our " + team->name + (says_team ? "" : " team");
  }
  auto contact_id = event_int(e.data, "contact_id");
  auto service_id = contact_id ? tx.escalations().service_of_contact(*contact_id) : std::nullopt;
  auto service = service_id ? tx.services().service_by_id(*service_id) : std::nullopt;
  return service ? "the people who run " + service->name : "the people who run the service";
}

// "2026-11-30 15:00 UTC"
std::string due_words(core::UnixTime t) {
  auto iso = core::format_iso8601(t);  // 2026-11-30T15:00:00Z
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}
constexpr std::size_t kMaxReferences = 10;

// A replacement's status in the requester's words.
std::string_view status_words(core::ReplacementStatus s) {
  switch (s) {
    case core::ReplacementStatus::requested:
      return "waiting for your shipping address";
    case core::ReplacementStatus::confirmed:
      return "address confirmed, being prepared";
    case core::ReplacementStatus::shipped:
      return "on its way";
    case core::ReplacementStatus::delivered:
      return "delivered";
    case core::ReplacementStatus::returned:
      return "faulty unit received back";
    case core::ReplacementStatus::cancelled:
      return "cancelled";
  }
  return "";
}

std::string_view address_key_words(std::string_view key) {
  if (key == "line1") return "street address";
  if (key == "postal_code") return "postal code";
  if (key == "phone") return "phone number or email";
  return key;
}

std::string address_lines(const core::ShippingAddress& a) {
  std::string out;
  auto line = [&](const std::string& text) {
    if (text.empty()) return;
    out += (out.empty() ? "" : "\n") + text;
  };
  line(a.name);
  line(a.organization);
  line(a.line1);
  line(a.line2);
  std::string city = a.city;
  if (!a.region.empty()) city += (city.empty() ? "" : ", ") + a.region;
  if (!a.postal_code.empty()) city += (city.empty() ? "" : " ") + a.postal_code;
  line(city);
  line(a.country);
  line(a.phone);
  line(a.email);
  return out;
}

// The status the replacement had when the event was recorded (the mail may be composed later).
core::ReplacementStatus status_at(const core::Event& e, const core::Replacement& r) {
  using core::EventType;
  using S = core::ReplacementStatus;
  if (e.is(EventType::replacement_requested)) return S::requested;
  if (e.is(EventType::replacement_confirmed)) return S::confirmed;
  if (e.is(EventType::replacement_shipped)) return S::shipped;
  if (e.is(EventType::replacement_delivered)) return S::delivered;
  if (e.is(EventType::replacement_returned)) return S::returned;
  if (e.is(EventType::replacement_cancelled)) return S::cancelled;
  // replacement_updated: its data says ("status":"requested").
  if (auto word = event_word(e.data, "status")) {
    if (auto s = core::parse_replacement_status(*word)) return *s;
  }
  return r.status;
}

// What happened to the replacement and what the requester may do, for {{replacement_news}}.
// by_requester: the requester did it (only a confirmation is mailed then); colleague: the name of
// another customer of the requester's organisation who did it, or empty.
std::string replacement_news(const core::Event& e, const core::Replacement& r,
                             const TemplateValues& v, bool by_requester,
                             const std::string& colleague) {
  using core::EventType;
  const std::string confirm_in_portal =
      "Please fill in or confirm the shipping address in the portal: " + v.link;
  const std::string missing =
      v.address_missing.empty() ? "" : "\nStill missing: " + v.address_missing + ".";
  if (e.is(EventType::replacement_requested)) {
    return "We are sending you a replacement " + r.model + ". " + confirm_in_portal + missing;
  }
  if (e.is(EventType::replacement_updated)) {
    std::string news = "We have updated the details of your replacement.";
    if (status_at(e, r) == core::ReplacementStatus::requested) {
      news += " " + confirm_in_portal + missing;
    }
    return news;
  }
  if (e.is(EventType::replacement_confirmed)) {
    return (by_requester        ? "Thank you for confirming the shipping address:"
            : colleague.empty() ? "We have recorded the shipping address you confirmed to us:"
                                : colleague + " confirmed the shipping address:") +
           std::string("\n\n") + v.address +
           "\n\nWe will write to you again when the replacement is on its way.";
  }
  if (e.is(EventType::replacement_shipped)) {
    return "Your replacement is on its way with " + r.carrier + ", tracking number " +
           r.tracking_number + ".";
  }
  if (e.is(EventType::replacement_delivered)) {
    return "Your replacement has been delivered. If we asked you to send the faulty unit back, "
           "please do so.";
  }
  if (e.is(EventType::replacement_returned)) {
    return "We have received the faulty unit back. Thank you.";
  }
  return "We have cancelled this replacement. If you have a question about it, reply to this "
         "email.";
}

bool is_replacement_event(const core::Event& e) {
  using core::EventType;
  for (auto t : {EventType::replacement_requested, EventType::replacement_updated,
                 EventType::replacement_confirmed, EventType::replacement_shipped,
                 EventType::replacement_delivered, EventType::replacement_returned,
                 EventType::replacement_cancelled}) {
    if (e.is(t)) return true;
  }
  return false;
}

// Threads our mail into the conversation the recipient already has.
void thread_into(store::Tx& tx, Id ticket, core::OutboundMail& m) {
  auto ids = tx.messages().ticket_email_message_ids(ticket);
  if (ids.size() > kMaxReferences) ids.erase(ids.begin(), ids.end() - kMaxReferences);
  if (!ids.empty()) m.in_reply_to = ids.back();
  m.references = std::move(ids);
}

// The mail one event calls for (none for most events).
std::vector<core::OutboundMail> mail_for(store::Tx& tx, const core::Event& e,
                                         const OutboundSettings& s) {
  std::vector<core::OutboundMail> out;
  if (!e.ticket_number) return out;
  auto ticket = tx.tickets().ticket_by_number(*e.ticket_number);
  if (!ticket) return out;
  const bool placeholder_requester = ticket->requester_email == kUnknownSender;
  TemplateValues v;
  v.ticket_number = ticket->number;
  v.subject = ticket->subject;
  v.recipient_name = ticket->requester_name;
  v.signature = s.from_name;
  auto queue = [&](std::string kind, std::string to, RenderedMail r, std::string auto_submitted) {
    core::OutboundMail m;
    m.event_id = e.id;
    m.kind = std::move(kind);
    m.ticket_number = ticket->number;
    m.recipient = std::move(to);
    m.subject = std::move(r.subject);
    m.body = std::move(r.body);
    m.html = std::move(r.html);
    m.message_id = new_message_id(ticket->number, e.id, s);
    m.auto_submitted = std::move(auto_submitted);
    thread_into(tx, ticket->number, m);
    out.push_back(std::move(m));
  };
  const bool chat = ticket->channel == core::Channel::chat;
  // A chat is answered live: its transcript, not an acknowledgement or a mail per message.
  if (e.is(core::EventType::ticket_created) && !placeholder_requester && !chat) {
    queue("acknowledgement", ticket->requester_email,
          render(text_for(tx, MailTemplate::acknowledgement), v), "auto-replied");
  } else if (e.is(core::EventType::message_added) && !e.internal && !placeholder_requester) {
    // The ticket's first message is its description: the acknowledgement covers it.
    if (event_int(e.data, "first") || event_int(e.data, "chat_id")) return out;
    auto id = event_int(e.data, "message_id");
    auto message = id ? tx.messages().message_by_id(*id) : std::nullopt;
    if (!message || message->kind != core::MessageKind::public_reply) return out;
    // Mail nobody vouched for is never passed on in the help desk's name.
    if (message->unverified_sender) return out;
    auto author = tx.accounts().user_by_id(message->author_id);
    // Only staff replies go out: the requester wrote the others themselves.
    if (!author || author->role == core::Role::customer) return out;
    v.author_name = author->name;
    v.body = message->body;
    const auto text = text_for(tx, MailTemplate::reply);
    queue("reply", ticket->requester_email, render(text, v), "no");
    for (const auto& cc : tx.tickets().ticket_ccs(ticket->number))
      queue("reply", cc, render(text, v), "no");
  } else if (e.is(core::EventType::chat_ended) && !placeholder_requester) {
    auto chat_id = event_int(e.data, "chat_id");
    auto chat = chat_id ? tx.chats().chat_by_id(*chat_id) : std::nullopt;
    if (!chat) return out;
    v.body = transcript_in(tx, *chat);
    queue("transcript", ticket->requester_email, render(text_for(tx, MailTemplate::transcript), v),
          "auto-generated");
  } else if (e.is(core::EventType::ticket_escalated) && !placeholder_requester) {
    v.escalated_to = escalated_to(tx, e);
    queue("escalation", ticket->requester_email, render(text_for(tx, MailTemplate::escalation), v),
          "auto-generated");
  } else if (is_replacement_event(e) && !placeholder_requester) {
    auto id = event_int(e.data, "replacement_id");
    auto r = id ? tx.replacements().replacement_by_id(*id) : std::nullopt;
    if (!r) return out;
    auto actor = e.actor_id ? tx.accounts().user_by_id(*e.actor_id) : std::nullopt;
    // Who did it: the requester themselves, a colleague on an organisation's shared ticket (the
    // requester is told), or staff.
    const bool by_requester = actor && actor->id == ticket->requester_id;
    const std::string colleague =
        actor && !by_requester && actor->role == core::Role::customer ? actor->name : "";
    // The customer knows what they did; they get only the receipt of their confirmation.
    if (by_requester && !e.is(core::EventType::replacement_confirmed)) return out;
    std::string base = s.public_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    v.link = base + "/portal/tickets/" + std::to_string(ticket->number);
    v.model = r->model;
    v.carrier = r->carrier;
    v.tracking_number = r->tracking_number;
    v.address = address_lines(r->address);
    for (auto key : core::address_missing(r->address)) {
      v.address_missing += (v.address_missing.empty() ? "" : ", ");
      v.address_missing += address_key_words(key);
    }
    v.replacement_status = status_words(status_at(e, *r));
    v.replacement_news = replacement_news(e, *r, v, by_requester, colleague);
    queue("replacement", ticket->requester_email,
          render(text_for(tx, MailTemplate::replacement), v), "auto-generated");
  } else if (e.is(core::EventType::promise_reminded)) {
    auto promise_id = event_int(e.data, "promise_id");
    auto promise = promise_id ? tx.promises().promise_by_id(*promise_id) : std::nullopt;
    if (!promise || promise->kept_at) return out;
    auto owner = tx.accounts().user_by_id(promise->owner_id);
    if (!owner || owner->disabled) return out;
    v.recipient_name = owner->name;
    v.body = promise->text;
    v.due_at = due_words(promise->due_at);
    queue("promise_reminder", owner->email, render(text_for(tx, MailTemplate::promise_reminder), v),
          "auto-generated");
  } else if (e.is(core::EventType::ticket_assigned)) {
    auto to = event_int(e.data, "to");
    if (!to || (e.actor_id && *e.actor_id == *to)) return out;  // took it themselves
    auto agent = tx.accounts().user_by_id(*to);
    if (!agent || agent->disabled) return out;
    v.recipient_name = agent->name;
    queue("assignment", agent->email, render(text_for(tx, MailTemplate::assignment), v),
          "auto-generated");
  }
  return out;
}

}  // namespace

std::string new_message_id(Id ticket, Id event, const OutboundSettings& settings) {
  const auto at = settings.from_address.rfind('@');
  const auto domain = at == std::string::npos ? std::string("frontline.invalid")
                                              : settings.from_address.substr(at + 1);
  return "frontline." + std::to_string(ticket) + "." + std::to_string(event) + "." +
         random_token("").substr(0, 12) + "@" + domain;
}

core::Done MailOutbox::start_at_head_if_new() {
  return in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) -> core::Done {
    if (tx.events().consumer_cursor(kConsumer) == 0)
      tx.events().set_consumer_cursor(kConsumer, tx.events().last_event_id());
    return core::done();
  });
}

Result<int> MailOutbox::compose(int limit) {
  const auto now = ctx_.clock.now();
  return in_write<int>(ctx_.db, [&](store::Tx& tx) -> Result<int> {
    const Id cursor = tx.events().consumer_cursor(kConsumer);
    auto events = tx.events().events_after(cursor, limit);
    for (const auto& e : events) {
      for (auto& m : mail_for(tx, e, settings_)) {
        m.created_at = now;
        m.next_attempt_at = now;
        if (tx.mail().insert_outbound_mail(m)) {
          record_event(tx, core::Actor{}, m.ticket_number, core::EventType::mail_queued,
                       EventData().add("to", m.recipient).add("kind", m.kind).str(), now);
        }
      }
    }
    if (!events.empty()) tx.events().set_consumer_cursor(kConsumer, events.back().id);
    return static_cast<int>(events.size());
  });
}

Result<std::vector<core::OutboundMail>> MailOutbox::due(int limit) {
  const auto now = ctx_.clock.now();
  auto claimed = in_write<std::vector<core::OutboundMail>>(ctx_.db, [&](store::Tx& tx) {
    auto due = tx.mail().due_outbound_mail(now, limit);
    for (const auto& m : due) {
      auto claim = m;
      claim.next_attempt_at = now + kClaimSeconds;
      tx.mail().update_outbound_mail(claim, now);
    }
    return Result<std::vector<core::OutboundMail>>(std::move(due));
  });
  if (claimed || claimed.error().code != Errc::unavailable) return claimed;
  // The claim could not be written (a full disk): mail still goes out, unclaimed. The
  // dispatcher keeps what it sent but could not record from going out again; only another
  // instance, on a database that cannot write either, could send it too.
  return in_read<std::vector<core::OutboundMail>>(ctx_.db, [&](store::Tx& tx) {
    return Result<std::vector<core::OutboundMail>>(tx.mail().due_outbound_mail(now, limit));
  });
}

core::Done MailOutbox::delivered(Id mail_id) {
  const auto now = ctx_.clock.now();
  return in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) -> core::Done {
    auto m = tx.mail().outbound_mail_by_id(mail_id);
    if (!m) return make_error(Errc::not_found, "no such mail");
    m->status = core::MailStatus::sent;
    m->attempts += 1;
    m->last_error.clear();
    tx.mail().update_outbound_mail(*m, now);
    record_event(tx, core::Actor{}, m->ticket_number, core::EventType::mail_sent,
                 EventData().add("to", m->recipient).add("kind", m->kind).str(), now);
    return core::done();
  });
}

core::Done MailOutbox::failed(Id mail_id, const std::string& error) {
  const auto now = ctx_.clock.now();
  return in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) -> core::Done {
    auto m = tx.mail().outbound_mail_by_id(mail_id);
    if (!m) return make_error(Errc::not_found, "no such mail");
    m->attempts += 1;
    m->last_error = error.substr(0, 500);
    const bool give_up = now - m->created_at >= settings_.give_up_after_seconds;
    if (give_up) {
      m->status = core::MailStatus::failed;
    } else {
      std::int64_t delay = settings_.retry_base_seconds;
      for (int i = 1; i < m->attempts && delay < settings_.retry_max_seconds; ++i) delay *= 2;
      m->next_attempt_at = now + std::min<std::int64_t>(delay, settings_.retry_max_seconds);
    }
    tx.mail().update_outbound_mail(*m, now);
    record_event(tx, core::Actor{}, m->ticket_number,
                 give_up ? core::EventType::mail_failed : core::EventType::mail_retrying,
                 EventData()
                     .add("to", m->recipient)
                     .add("kind", m->kind)
                     .add("attempt", std::int64_t{m->attempts})
                     .add("error", m->last_error)
                     .str(),
                 now);
    return core::done();
  });
}

}  // namespace frontline::app
