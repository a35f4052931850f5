// Subject threading: outgoing mail carries "[#N]" in the subject, so a reply names its ticket
// even when the mail client dropped In-Reply-To and References.
#include "app/mail_filters/filters.hpp"

namespace frontline::app::mail_filters {

std::optional<core::Id> subject_ticket_number(std::string_view subject) {
  for (std::size_t at = subject.find("[#"); at != std::string_view::npos;
       at = subject.find("[#", at + 2)) {
    std::size_t i = at + 2;
    core::Id n = 0;
    std::size_t digits = 0;
    while (i < subject.size() && subject[i] >= '0' && subject[i] <= '9' && digits < 15) {
      n = n * 10 + (subject[i] - '0');
      ++i;
      ++digits;
    }
    if (digits > 0 && i < subject.size() && subject[i] == ']' && n > 0) return n;
  }
  return std::nullopt;
}

}  // namespace frontline::app::mail_filters
