// Admins change the wording of outgoing mail (subject, text body and an optional HTML body, with
// {{placeholders}})
// and preview it with sample values before saving; reset returns to the built-in text.
#pragma once

#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/mail_templates.hpp"
#include "core/result.hpp"

namespace frontline::app {

struct TemplateInfo {
  MailTemplate kind;
  TemplateText text;
  bool customised = false;
};

class MailTemplateAdmin {
 public:
  explicit MailTemplateAdmin(Context& ctx) : ctx_(ctx) {}

  core::Result<std::vector<TemplateInfo>> list(const core::Actor& actor);
  // The subject must keep "[#{{ticket_number}}]": replies thread back by it.
  core::Result<TemplateInfo> save(const core::Actor& actor, MailTemplate kind, TemplateText text);
  core::Result<TemplateInfo> reset(const core::Actor& actor, MailTemplate kind);
  core::Result<RenderedMail> preview(const core::Actor& actor, MailTemplate kind,
                                     const TemplateText& text);

 private:
  Context& ctx_;
};

}  // namespace frontline::app
