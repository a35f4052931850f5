// Built-in mail texts (see header).
#include "app/mail_templates.hpp"

namespace frontline::app {
namespace {

struct Texts {
  const char* subject;
  const char* body;
};

Texts texts(MailTemplate t) {
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

}  // namespace

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

RenderedMail render(MailTemplate t, const TemplateValues& v) {
  auto x = texts(t);
  return {fill(x.subject, v), fill(x.body, v)};
}

}  // namespace frontline::app
