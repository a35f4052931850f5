// Mail JSON (see header).
#include "http/mail_codec.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "http/codec_support.hpp"

namespace frontline::http {

std::string mail_result_json(const app::MailResult& r) {
  return json::serialize(json::object{{"outcome", app::to_string(r.outcome)},
                                      {"ticket_number", opt_id(r.ticket_number)},
                                      {"reason", r.reason}});
}

static json::object mail_template_object(const app::TemplateInfo& t) {
  json::array placeholders;
  for (auto p : app::kPlaceholders) placeholders.emplace_back(p);
  return json::object{{"kind", app::to_string(t.kind)},
                      {"subject", t.text.subject},
                      {"body", t.text.body},
                      {"html", t.text.html},
                      {"customised", t.customised},
                      {"placeholders", std::move(placeholders)}};
}
std::string mail_template_json(const app::TemplateInfo& t) {
  return json::serialize(mail_template_object(t));
}
std::string mail_templates_json(const std::vector<app::TemplateInfo>& ts) {
  return items_json(ts, mail_template_object);
}

std::string rendered_mail_json(const app::RenderedMail& r) {
  return json::serialize(json::object{{"subject", r.subject}, {"body", r.body}, {"html", r.html}});
}

}  // namespace frontline::http
