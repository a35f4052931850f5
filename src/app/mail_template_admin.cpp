// Mail template administration (see header).
#include "app/mail_template_admin.hpp"

#include <algorithm>

#include "app/event_data.hpp"
#include "core/text.hpp"
#include "core/ticket_policy.hpp"

namespace frontline::app {

using core::Errc;
using core::make_error;
using core::Result;

namespace {

// Placeholders the text uses that fill() does not know (typos such as {{ body }}).
std::string unknown_placeholders(std::string_view text) {
  std::string unknown;
  for (auto open = text.find("{{"); open != std::string_view::npos;
       open = text.find("{{", open + 2)) {
    auto close = text.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    auto name = text.substr(open + 2, close - open - 2);
    if (std::find(std::begin(kPlaceholders), std::end(kPlaceholders), name) ==
        std::end(kPlaceholders)) {
      unknown += (unknown.empty() ? "{{" : ", {{") + std::string(name) + "}}";
    }
  }
  return unknown;
}

// Every problem at once, so a form shows all its field errors in one round.
core::Done check(MailTemplate kind, const TemplateText& t) {
  std::vector<core::FieldError> errors;
  if (!core::is_valid_utf8(t.subject) || core::trim(t.subject).empty() || t.subject.size() > 250) {
    errors.push_back({"subject", "is required (at most 250 bytes)"});
  } else if (about_a_ticket(kind) && t.subject.find("[#{{ticket_number}}]") == std::string::npos) {
    errors.push_back({"subject", "must keep [#{{ticket_number}}] so replies thread back"});
  } else if (auto unknown = unknown_placeholders(t.subject); !unknown.empty()) {
    errors.push_back({"subject", "unknown placeholder " + unknown});
  }
  if (!core::is_valid_utf8(t.body) || core::trim(t.body).empty() || t.body.size() > 20000) {
    errors.push_back({"body", "is required (at most 20,000 bytes)"});
  } else if (auto unknown = unknown_placeholders(t.body); !unknown.empty()) {
    errors.push_back({"body", "unknown placeholder " + unknown});
  }
  if (!core::is_valid_utf8(t.html) || t.html.size() > 50000) {
    errors.push_back({"html", "at most 50,000 bytes of UTF-8"});
  } else if (auto unknown = unknown_placeholders(t.html); !unknown.empty()) {
    errors.push_back({"html", "unknown placeholder " + unknown});
  }
  if (errors.empty()) return core::done();
  return make_error(Errc::invalid, "the template needs changes", std::move(errors));
}

TemplateInfo info(store::Tx& tx, MailTemplate kind) {
  if (auto custom = tx.mail().mail_template(to_string(kind))) {
    return {kind, {custom->subject, custom->body, custom->html}, true};
  }
  return {kind, built_in_text(kind), false};
}

}  // namespace

Result<std::vector<TemplateInfo>> MailTemplateAdmin::list(const core::Actor& actor) {
  if (!core::can_administer(actor)) return admins_only();
  return in_read<std::vector<TemplateInfo>>(ctx_.db, [](store::Tx& tx) {
    std::vector<TemplateInfo> out;
    for (auto kind : kMailTemplates) out.push_back(info(tx, kind));
    return Result<std::vector<TemplateInfo>>(std::move(out));
  });
}

Result<TemplateInfo> MailTemplateAdmin::save(const core::Actor& actor, MailTemplate kind,
                                             TemplateText text) {
  if (!core::can_administer(actor)) return admins_only();
  if (auto ok = check(kind, text); !ok) return ok.take_error();
  const auto now = ctx_.clock.now();
  return in_write<TemplateInfo>(ctx_.db, [&](store::Tx& tx) -> Result<TemplateInfo> {
    tx.mail().set_mail_template(to_string(kind), {text.subject, text.body, text.html}, now);
    record_event(tx, actor, std::nullopt, core::EventType::mail_template_changed,
                 EventData().add("kind", to_string(kind)).str(), now);
    return info(tx, kind);
  });
}

Result<TemplateInfo> MailTemplateAdmin::reset(const core::Actor& actor, MailTemplate kind) {
  if (!core::can_administer(actor)) return admins_only();
  const auto now = ctx_.clock.now();
  return in_write<TemplateInfo>(ctx_.db, [&](store::Tx& tx) -> Result<TemplateInfo> {
    if (tx.mail().delete_mail_template(to_string(kind))) {
      record_event(tx, actor, std::nullopt, core::EventType::mail_template_changed,
                   EventData().add("kind", to_string(kind)).add("reset", 1).str(), now);
    }
    return info(tx, kind);
  });
}

Result<RenderedMail> MailTemplateAdmin::preview(const core::Actor& actor, MailTemplate kind,
                                                const TemplateText& text) {
  if (!core::can_administer(actor)) return admins_only();
  if (auto ok = check(kind, text); !ok) return ok.take_error();
  TemplateValues sample;
  sample.ticket_number = 1042;
  sample.subject = "Printer on floor 3 shows error 50.4";
  sample.recipient_name = "Casey Customer";
  sample.author_name = "Tina Tech";
  sample.body = "Please switch the printer off for 30 seconds and try again.";
  sample.signature = "Help Desk";
  sample.link = "https://help.example.com/welcome?token=…";
  sample.escalated_to = "our Tier 2 team";
  sample.due_at = "2026-11-30 15:00 UTC";
  sample.replacement_news =
      "We are sending you a replacement. Please fill in or confirm the shipping address.";
  sample.replacement_status = "waiting for your address";
  sample.model = "ThinkPad T14 Gen 3";
  sample.carrier = "UPS";
  sample.tracking_number = "1Z999AA10123456784";
  sample.address = "Dana Reyes\n12 Main St\nSpringfield, IL 62701\nUS";
  sample.address_missing = "street address, city";
  return render(text, sample);
}

}  // namespace frontline::app
