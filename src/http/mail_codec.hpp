// Mail as JSON: the outcome of an inbound message, the mail templates and a rendered
// preview. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "app/mail.hpp"
#include "app/mail_template_admin.hpp"
#include "app/mail_templates.hpp"

namespace frontline::http {

std::string mail_result_json(const app::MailResult& r);
std::string mail_template_json(const app::TemplateInfo& t);
std::string mail_templates_json(const std::vector<app::TemplateInfo>& ts);
std::string rendered_mail_json(const app::RenderedMail& r);

}  // namespace frontline::http
