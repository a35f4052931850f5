// Duplicates: an MTA that re-delivers (after a timeout it did not see answered), a message sent
// to two of our addresses, or our own mail relayed back — a Message-ID on file changes nothing.
// The UNIQUE index on messages.email_message_id settles two deliveries racing each other.
#include "app/mail_filters/filters.hpp"

namespace frontline::app::mail_filters {

std::optional<core::Id> already_stored(store::Tx& tx, const InboundMail& m) {
  if (m.message_id.empty()) return std::nullopt;
  return tx.messages().ticket_by_email_message_id(m.message_id);
}

}  // namespace frontline::app::mail_filters
