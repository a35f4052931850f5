// Sends one outgoing mail over SMTP with libcurl: smtp:// (STARTTLS when offered, or required
// with require_tls) or smtps://, optional login. The message is built with GMime (UTF-8 text,
// RFC 2047 subjects) and carries our Message-ID, In-Reply-To, References, Auto-Submitted and
// X-Frontline-Loop (so our own mail coming back is recognised as a loop); with an HTML body it
// is multipart/alternative (text first).
#pragma once

#include <string>

#include "core/model.hpp"
#include "core/result.hpp"

namespace frontline::channels::email {

struct SmtpSettings {
  std::string url;  // smtp://host:port or smtps://host:port; empty: mail is not sent
  std::string username;
  std::string password;
  bool require_tls = false;  // refuse to send without STARTTLS
  std::string from_address;
  std::string from_name;
  long timeout_seconds = 60;
};

// The RFC 5322 text of the mail (exposed for tests and previews).
std::string format_message(const SmtpSettings& s, const core::OutboundMail& m);

// Error (unavailable) with the server's or curl's reason when the SMTP server did not take it.
core::Done send_mail(const SmtpSettings& s, const core::OutboundMail& m);

}  // namespace frontline::channels::email
