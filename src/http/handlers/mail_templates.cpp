// /api/v1/mail/templates — the wording of outgoing mail, for admins: list, change, reset to the
// built-in text, and preview with sample values.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/mail_codec.hpp"

namespace frontline::http::handlers {
namespace {

std::optional<app::MailTemplate> kind_of(const Request& req) {
  if (req.path_params.empty()) return std::nullopt;
  return app::parse_mail_template(req.path_params[0]);
}

}  // namespace

Response mail_templates_get(Request& req, Services& s) {
  return reply(s.mail_templates.list(req.caller()), 200, mail_templates_json);
}

Response mail_template_put(Request& req, Services& s) {
  auto kind = kind_of(req);
  if (!kind) return no_such("mail template");
  auto text = decode_mail_template(req.body);
  if (!text) return problem(text.error());
  return reply(s.mail_templates.save(req.caller(), *kind, {text->subject, text->body, text->html}),
               200, mail_template_json);
}

Response mail_template_delete(Request& req, Services& s) {
  auto kind = kind_of(req);
  if (!kind) return no_such("mail template");
  return reply(s.mail_templates.reset(req.caller(), *kind), 200, mail_template_json);
}

Response mail_template_preview_post(Request& req, Services& s) {
  auto kind = kind_of(req);
  if (!kind) return no_such("mail template");
  auto text = decode_mail_template(req.body);
  if (!text) return problem(text.error());
  return reply(
      s.mail_templates.preview(req.caller(), *kind, {text->subject, text->body, text->html}), 200,
      rendered_mail_json);
}

}  // namespace frontline::http::handlers
