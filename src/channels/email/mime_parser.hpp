// Parses one RFC 5322 message (GMime 3) into what the help desk keeps: sender, subject,
// Message-ID and references, the text (text/plain preferred, else the HTML as text; charsets
// decoded to UTF-8), attachments and inline images, and the headers the mail filters read.
// Never fails: a message GMime cannot read comes back with parsed_fully = false and the raw
// original attached as original.eml, so it still becomes a ticket; so does a message whose
// parsing takes more than its CPU budget (its text says it could not be read in time). Linear in
// the message's size; thread-safe.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "app/mail.hpp"

namespace frontline::channels::email {

struct ParseOptions {
  // This thread's CPU time one message may take (zero: unlimited).
  std::chrono::milliseconds cpu_budget{0};
  // The receiving MTA's authserv-id whose Authentication-Results are believed; empty: none are
  // read and sender_check stays not_checked.
  std::string trusted_authserv_id;
};

app::InboundMail parse_message(std::string_view raw, const ParseOptions& options = {});

}  // namespace frontline::channels::email
