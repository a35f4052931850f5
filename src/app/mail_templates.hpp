// The texts of outgoing mail, with simple {{placeholders}}. Every subject about a ticket carries
// "[#N]" so a reply threads back even when the mail client drops In-Reply-To (the invitation is
// about no ticket).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model.hpp"
#include "store/tx.hpp"

namespace frontline::app {

// escalation: to the requester when their ticket is escalated (what happens next);
// promise_reminder: to a technician whose promise on a ticket is due soon; replacement: to the
// requester at each step of a hardware replacement ({{replacement_news}} says which).
enum class MailTemplate {
  acknowledgement,
  reply,
  assignment,
  transcript,
  invitation,
  escalation,
  promise_reminder,
  replacement
};
inline constexpr MailTemplate kMailTemplates[] = {
    MailTemplate::acknowledgement,  MailTemplate::reply,      MailTemplate::assignment,
    MailTemplate::transcript,       MailTemplate::invitation, MailTemplate::escalation,
    MailTemplate::promise_reminder, MailTemplate::replacement};
// Whether the template's mail is about a ticket (its subject must keep [#{{ticket_number}}]).
inline bool about_a_ticket(MailTemplate t) { return t != MailTemplate::invitation; }
std::string_view to_string(MailTemplate t);
std::optional<MailTemplate> parse_mail_template(std::string_view s);

// A template's text: the built-in one, or an admin's (stored in the database).
struct TemplateText {
  std::string subject;
  std::string body;
  std::string html;  // an HTML alternative; empty: text only
};
TemplateText built_in_text(MailTemplate t);

struct TemplateValues {
  core::Id ticket_number = 0;
  std::string subject;
  std::string recipient_name;
  std::string author_name;   // who wrote the reply
  std::string body;          // the reply's text
  std::string signature;     // the help desk's name
  std::string link;          // the invitation's link; the ticket in the portal (replacement)
  std::string escalated_to;  // who was brought in: "our Tier 2 team", "the people behind X"
  std::string due_at;        // a promise's due time, "2026-11-30 15:00 UTC"
  // A hardware replacement: what happened and what the customer may do, in a sentence or two
  // ("We have sent your replacement …"); its status, model, carrier and tracking number; the
  // shipping address as lines; the required address fields still missing, in words.
  std::string replacement_news;
  std::string replacement_status;
  std::string model;
  std::string carrier;
  std::string tracking_number;
  std::string address;
  std::string address_missing;
};

// The placeholders fill() knows, in the order the template screen lists them.
inline constexpr std::string_view kPlaceholders[] = {
    "ticket_number",      "subject", "recipient_name", "author_name",     "body",
    "signature",          "link",    "escalated_to",   "due_at",          "replacement_news",
    "replacement_status", "model",   "carrier",        "tracking_number", "address",
    "address_missing"};

struct RenderedMail {
  std::string subject;
  std::string body;
  std::string html;
};

RenderedMail render(const TemplateText& text, const TemplateValues& v);
// The admin's wording when set, else the built-in one.
TemplateText text_for(store::Tx& tx, MailTemplate t);
// Replaces the placeholders of kPlaceholders; unknown placeholders stay as written. For HTML the
// values are escaped (what a customer wrote never becomes markup) and the body's line breaks become
// <br>.
enum class FillAs { text, html };
std::string fill(std::string_view text, const TemplateValues& v, FillAs as = FillAs::text);

}  // namespace frontline::app
