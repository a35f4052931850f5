// Size limit: a message larger than the configured maximum is refused (the MTA bounces it to
// the sender with our explanation) rather than half-stored.
#include "app/mail_filters/filters.hpp"

namespace frontline::app::mail_filters {

std::optional<std::string> too_large(const InboundMail& m, std::size_t max_bytes) {
  if (m.raw_size <= max_bytes) return std::nullopt;
  return "the message is " + std::to_string(m.raw_size / 1024) + " KiB; the help desk accepts " +
         std::to_string(max_bytes / 1024) + " KiB at most";
}

}  // namespace frontline::app::mail_filters
