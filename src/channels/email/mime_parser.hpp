// Parses one RFC 5322 message (GMime 3) into what the help desk keeps: sender, subject,
// Message-ID and references, the text (text/plain preferred, else the HTML as text; charsets
// decoded to UTF-8), attachments and inline images, and the headers the mail filters read.
// Never fails: a message GMime cannot read comes back with parsed_fully = false and the raw
// original attached as original.eml, so it still becomes a ticket.
#pragma once

#include <string_view>

#include "app/mail.hpp"

namespace frontline::channels::email {

app::InboundMail parse_message(std::string_view raw);

}  // namespace frontline::channels::email
