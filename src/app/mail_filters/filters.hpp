// The inbound mail filters, one small rule per file. Each looks at the parsed message (the
// duplicate filter also at the messages on file).
#pragma once

#include <optional>
#include <string>

#include "app/mail.hpp"
#include "store/tx.hpp"

namespace frontline::app::mail_filters {

// size_limit.cpp: an explanation when the message is larger than we accept.
std::optional<std::string> too_large(const InboundMail& m, std::size_t max_bytes);

// duplicate.cpp: the ticket that already holds this Message-ID (a re-delivery, or our own mail).
std::optional<core::Id> already_stored(store::Tx& tx, const InboundMail& m);

// loop_protection.cpp: why a message must not become or touch a ticket — our own
// notification coming back, an auto-generated message (RFC 3834), bulk or list mail.
std::optional<std::string> loop_reason(const InboundMail& m);

// auto_reply.cpp: an out-of-office or other automatic reply (it may be recorded on the ticket
// it answers but never reopens it or opens a new one).
bool is_auto_reply(const InboundMail& m);

// bounce.cpp: a delivery status notification (RFC 3464) about a message we sent.
bool is_bounce(const InboundMail& m);

// threading.cpp: the ticket number in a subject's "[#N]", if any.
std::optional<core::Id> subject_ticket_number(std::string_view subject);

}  // namespace frontline::app::mail_filters
