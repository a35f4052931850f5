// Bounces: a delivery status notification (multipart/report; report-type=delivery-status) is
// recorded on the ticket whose message it reports on, and never reopens or opens a ticket.
#include "app/mail_filters/filters.hpp"

namespace frontline::app::mail_filters {

bool is_bounce(const InboundMail& m) { return m.is_delivery_report; }

}  // namespace frontline::app::mail_filters
