// Automatic replies: "Auto-Submitted: auto-replied" (RFC 3834), X-Autoreply/X-Autorespond, or
// the subjects out-of-office systems use when they set no header.
#include <array>

#include "app/mail_filters/filters.hpp"
#include "core/text.hpp"

namespace frontline::app::mail_filters {

bool is_auto_reply(const InboundMail& m) {
  if (m.auto_submitted.rfind("auto-replied", 0) == 0 || m.x_autoreply) return true;
  static constexpr std::array<std::string_view, 5> kSubjects = {
      "out of office", "automatic reply", "auto-reply", "autoreply", "abwesenheitsnotiz"};
  const std::string subject = core::to_lower_ascii(m.subject);
  for (auto s : kSubjects) {
    if (subject.rfind(s, 0) == 0) return true;
  }
  return false;
}

}  // namespace frontline::app::mail_filters
