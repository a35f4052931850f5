// Loop protection: never answer a machine. Our own notifications coming back (X-Frontline-Loop),
// auto-generated mail (Auto-Submitted other than "no" and other than auto-replied, which the
// auto-reply filter handles), and bulk, junk or list mail (Precedence) are dropped.
#include "app/mail_filters/filters.hpp"

namespace frontline::app::mail_filters {

std::optional<std::string> loop_reason(const InboundMail& m) {
  if (m.from_frontline) return "our own notification came back";
  const auto& a = m.auto_submitted;
  if (!a.empty() && a != "no" && a.rfind("auto-replied", 0) != 0) {
    return "auto-submitted message (" + a + ")";
  }
  if (m.precedence == "bulk" || m.precedence == "junk" || m.precedence == "list") {
    return "precedence " + m.precedence;
  }
  return std::nullopt;
}

}  // namespace frontline::app::mail_filters
