// /api/v1/mail/templates — the wording of outgoing mail, for admins: list, change, reset to the
// built-in text, and preview with sample values.
#include "app/event_data.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"

namespace frontline::http::handlers {
namespace {

std::string info_json(const app::TemplateInfo& t) {
  std::string out = "{\"kind\":";
  app::append_json_string(out, app::to_string(t.kind));
  out += ",\"subject\":";
  app::append_json_string(out, t.text.subject);
  out += ",\"body\":";
  app::append_json_string(out, t.text.body);
  out += ",\"html\":";
  app::append_json_string(out, t.text.html);
  out += ",\"customised\":";
  out += t.customised ? "true" : "false";
  out +=
      ",\"placeholders\":[\"ticket_number\",\"subject\",\"recipient_name\",\"author_name\","
      "\"body\",\"signature\"]}";
  return out;
}

std::optional<app::MailTemplate> kind_of(const Request& req) {
  if (req.path_params.empty()) return std::nullopt;
  return app::parse_mail_template(req.path_params[0]);
}

}  // namespace

Response mail_templates_get(Request& req, Services& s) {
  return reply(s.mail_templates.list(req.caller()), 200,
               [](const std::vector<app::TemplateInfo>& ts) {
                 std::string out = "{\"items\":[";
                 for (std::size_t i = 0; i < ts.size(); ++i)
                   out += (i ? "," : "") + info_json(ts[i]);
                 return out + "]}";
               });
}

Response mail_template_put(Request& req, Services& s) {
  auto kind = kind_of(req);
  if (!kind) return no_such("mail template");
  auto text = decode_mail_template(req.body);
  if (!text) return problem(text.error());
  return reply(s.mail_templates.save(req.caller(), *kind, {text->subject, text->body, text->html}),
               200, info_json);
}

Response mail_template_delete(Request& req, Services& s) {
  auto kind = kind_of(req);
  if (!kind) return no_such("mail template");
  return reply(s.mail_templates.reset(req.caller(), *kind), 200, info_json);
}

Response mail_template_preview_post(Request& req, Services& s) {
  if (!kind_of(req)) return no_such("mail template");
  auto text = decode_mail_template(req.body);
  if (!text) return problem(text.error());
  return reply(s.mail_templates.preview(req.caller(), {text->subject, text->body, text->html}), 200,
               [](const app::RenderedMail& r) {
                 std::string out = "{\"subject\":";
                 app::append_json_string(out, r.subject);
                 out += ",\"body\":";
                 app::append_json_string(out, r.body);
                 out += ",\"html\":";
                 app::append_json_string(out, r.html);
                 return out + "}";
               });
}

}  // namespace frontline::http::handlers
