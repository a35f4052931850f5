// Mail texts: the built-in ones and placeholder filling (see header).
#include "app/mail_templates.hpp"

#include "core/text.hpp"

namespace frontline::app {

std::string_view to_string(MailTemplate t) {
  switch (t) {
    case MailTemplate::acknowledgement:
      return "acknowledgement";
    case MailTemplate::reply:
      return "reply";
    case MailTemplate::assignment:
      return "assignment";
    case MailTemplate::transcript:
      return "transcript";
    case MailTemplate::invitation:
      return "invitation";
    case MailTemplate::escalation:
      return "escalation";
    case MailTemplate::promise_reminder:
      return "promise_reminder";
    case MailTemplate::replacement:
      return "replacement";
  }
  return "reply";
}

std::optional<MailTemplate> parse_mail_template(std::string_view s) {
  for (auto t : kMailTemplates) {
    if (to_string(t) == s) return t;
  }
  return std::nullopt;
}

TemplateText built_in_text(MailTemplate t) {
  switch (t) {
    case MailTemplate::acknowledgement:
      return {"[#{{ticket_number}}] {{subject}}",
              "Hello {{recipient_name}},\n\n"
              "we have received your request and opened ticket #{{ticket_number}}: "
              "{{subject}}.\n\n"
              "Reply to this email to add anything; please keep [#{{ticket_number}}] in the "
              "subject.\n\n-- \n{{signature}}\n",
              "<p>Hello {{recipient_name}},</p>"
              "<p>we have received your request and opened ticket <b>#{{ticket_number}}</b>: "
              "{{subject}}.</p>"
              "<p>Reply to this email to add anything; please keep [#{{ticket_number}}] in the "
              "subject.</p><p>-- <br>{{signature}}</p>"};
    case MailTemplate::reply:
      return {"Re: [#{{ticket_number}}] {{subject}}",
              "{{body}}\n\n-- \n{{author_name}}, {{signature}}\n"
              "Ticket #{{ticket_number}}: reply to this email to answer.\n",
              "<div>{{body}}</div><p>-- <br>{{author_name}}, {{signature}}<br>"
              "Ticket #{{ticket_number}}: reply to this email to answer.</p>"};
    case MailTemplate::assignment:
      return {"[#{{ticket_number}}] assigned to you: {{subject}}",
              "Hello {{recipient_name}},\n\nticket #{{ticket_number}} ({{subject}}) is now "
              "yours.\n\n-- \n{{signature}}\n",
              "<p>Hello {{recipient_name}},</p><p>ticket <b>#{{ticket_number}}</b> "
              "({{subject}}) is now yours.</p><p>-- <br>{{signature}}</p>"};
    case MailTemplate::transcript:
      return {"[#{{ticket_number}}] Transcript of your chat: {{subject}}",
              "Hello {{recipient_name}},\n\nhere is the whole chat you had with us, to keep. "
              "Reply to this email to continue on ticket #{{ticket_number}}.\n\n{{body}}\n"
              "-- \n{{signature}}\n",
              "<p>Hello {{recipient_name}},</p><p>here is the whole chat you had with us, to "
              "keep. Reply to this email to continue on ticket <b>#{{ticket_number}}</b>.</p>"
              "<div style=\"font-family:monospace\">{{body}}</div><p>-- <br>{{signature}}</p>"};
    case MailTemplate::invitation:
      return {"Your account at {{signature}}",
              "Hello {{recipient_name}},\n\nan account at {{signature}} is waiting for you. "
              "Choose your password here to start:\n\n{{link}}\n\nThe link works once, for "
              "7 days. If it has expired, ask the person who invited you for a new one.\n\n"
              "-- \n{{signature}}\n",
              "<p>Hello {{recipient_name}},</p><p>an account at {{signature}} is waiting for you. "
              "Choose your password here to start:</p><p><a href=\"{{link}}\">{{link}}</a></p>"
              "<p>The link works once, for 7 days. If it has expired, ask the person who invited "
              "you for a new one.</p><p>-- <br>{{signature}}</p>"};
    case MailTemplate::escalation:
      return {"[#{{ticket_number}}] We have brought in more help: {{subject}}",
              "Hello {{recipient_name}},\n\nto solve your request #{{ticket_number}} "
              "({{subject}}) we have brought in {{escalated_to}}.\n\nYou do not need to do "
              "anything: they have everything you told us, and we will write to you as soon as "
              "there is news. If you have something to add, reply to this email and keep "
              "[#{{ticket_number}}] in the subject.\n\n-- \n{{signature}}\n",
              "<p>Hello {{recipient_name}},</p><p>to solve your request "
              "<b>#{{ticket_number}}</b> ({{subject}}) we have brought in {{escalated_to}}.</p>"
              "<p>You do not need to do anything: they have everything you told us, and we will "
              "write to you as soon as there is news. If you have something to add, reply to "
              "this email and keep [#{{ticket_number}}] in the subject.</p>"
              "<p>-- <br>{{signature}}</p>"};
    case MailTemplate::promise_reminder:
      return {"[#{{ticket_number}}] Your promise is due at {{due_at}}: {{subject}}",
              "Hello {{recipient_name}},\n\non ticket #{{ticket_number}} ({{subject}}) you "
              "promised:\n\n{{body}}\n\nIt is due at {{due_at}}. Once done, mark it kept on "
              "the ticket.\n\n-- \n{{signature}}\n",
              "<p>Hello {{recipient_name}},</p><p>on ticket <b>#{{ticket_number}}</b> "
              "({{subject}}) you promised:</p><blockquote>{{body}}</blockquote><p>It is due at "
              "<b>{{due_at}}</b>. Once done, mark it kept on the ticket.</p>"
              "<p>-- <br>{{signature}}</p>"};
    case MailTemplate::replacement:
      return {"[#{{ticket_number}}] Your replacement {{model}}: {{replacement_status}}",
              "Hello {{recipient_name}},\n\n{{replacement_news}}\n\n"
              "Replacement: {{model}}\nStatus: {{replacement_status}}\n\n"
              "You can follow it on your request #{{ticket_number}} ({{subject}}):\n{{link}}\n\n"
              "If something is not right, reply to this email and keep [#{{ticket_number}}] in "
              "the subject.\n\n-- \n{{signature}}\n",
              "<p>Hello {{recipient_name}},</p><p>{{replacement_news}}</p>"
              "<p>Replacement: <b>{{model}}</b><br>Status: <b>{{replacement_status}}</b></p>"
              "<p>You can follow it on your request <b>#{{ticket_number}}</b> ({{subject}}): "
              "<a href=\"{{link}}\">{{link}}</a></p>"
              "<p>If something is not right, reply to this email and keep [#{{ticket_number}}] in "
              "the subject.</p><p>-- <br>{{signature}}</p>"};
  }
  return {"", "", ""};
}

namespace {

void append_value(std::string& out, std::string_view value, FillAs as, bool line_breaks) {
  if (as == FillAs::text) {
    out.append(value);
    return;
  }
  for (std::size_t at = 0; at <= value.size();) {
    auto nl = value.find('\n', at);
    if (nl == std::string_view::npos) nl = value.size();
    core::append_html_escaped(out, value.substr(at, nl - at));
    if (nl < value.size()) out += line_breaks ? "<br>\n" : "\n";
    at = nl + 1;
  }
}

}  // namespace

std::string fill(std::string_view text, const TemplateValues& v, FillAs as) {
  std::string out;
  out.reserve(text.size() + v.body.size());
  std::size_t at = 0;
  while (at < text.size()) {
    auto open = text.find("{{", at);
    if (open == std::string_view::npos) break;
    auto close = text.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    out.append(text.substr(at, open - at));
    auto name = text.substr(open + 2, close - open - 2);
    if (name == "ticket_number") {
      out += std::to_string(v.ticket_number);
    } else if (name == "subject") {
      append_value(out, v.subject, as, false);
    } else if (name == "recipient_name") {
      append_value(out, v.recipient_name, as, false);
    } else if (name == "author_name") {
      append_value(out, v.author_name, as, false);
    } else if (name == "body") {
      append_value(out, v.body, as, true);
    } else if (name == "signature") {
      append_value(out, v.signature, as, false);
    } else if (name == "link") {
      append_value(out, v.link, as, false);
    } else if (name == "escalated_to") {
      append_value(out, v.escalated_to, as, false);
    } else if (name == "due_at") {
      append_value(out, v.due_at, as, false);
    } else if (name == "replacement_news") {
      append_value(out, v.replacement_news, as, true);
    } else if (name == "replacement_status") {
      append_value(out, v.replacement_status, as, false);
    } else if (name == "model") {
      append_value(out, v.model, as, false);
    } else if (name == "carrier") {
      append_value(out, v.carrier, as, false);
    } else if (name == "tracking_number") {
      append_value(out, v.tracking_number, as, false);
    } else if (name == "address") {
      append_value(out, v.address, as, true);
    } else if (name == "address_missing") {
      append_value(out, v.address_missing, as, false);
    } else {
      out.append(text.substr(open, close + 2 - open));
    }
    at = close + 2;
  }
  out.append(text.substr(at));
  return out;
}

TemplateText text_for(store::Tx& tx, MailTemplate t) {
  if (auto custom = tx.mail().mail_template(to_string(t))) {
    return {custom->subject, custom->body, custom->html};
  }
  return built_in_text(t);
}

RenderedMail render(const TemplateText& text, const TemplateValues& v) {
  return {fill(text.subject, v), fill(text.body, v),
          text.html.empty() ? std::string() : fill(text.html, v, FillAs::html)};
}

}  // namespace frontline::app
