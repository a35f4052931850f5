// Mail texts: the built-in ones and placeholder filling (see header).
#include "app/mail_templates.hpp"

namespace frontline::app {

std::string_view to_string(MailTemplate t) {
  switch (t) {
    case MailTemplate::acknowledgement:
      return "acknowledgement";
    case MailTemplate::reply:
      return "reply";
    case MailTemplate::assignment:
      return "assignment";
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
              "subject.\n\n-- \n{{signature}}\n"};
    case MailTemplate::reply:
      return {"Re: [#{{ticket_number}}] {{subject}}",
              "{{body}}\n\n-- \n{{author_name}}, {{signature}}\n"
              "Ticket #{{ticket_number}}: reply to this email to answer.\n"};
    case MailTemplate::assignment:
      return {"[#{{ticket_number}}] assigned to you: {{subject}}",
              "Hello {{recipient_name}},\n\nticket #{{ticket_number}} ({{subject}}) is now "
              "yours.\n\n-- \n{{signature}}\n"};
  }
  return {"", ""};
}

std::string fill(std::string_view text, const TemplateValues& v) {
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
      out += v.subject;
    } else if (name == "recipient_name") {
      out += v.recipient_name;
    } else if (name == "author_name") {
      out += v.author_name;
    } else if (name == "body") {
      out += v.body;
    } else if (name == "signature") {
      out += v.signature;
    } else {
      out.append(text.substr(open, close + 2 - open));
    }
    at = close + 2;
  }
  out.append(text.substr(at));
  return out;
}

RenderedMail render(const TemplateText& text, const TemplateValues& v) {
  return {fill(text.subject, v), fill(text.body, v)};
}

}  // namespace frontline::app
