// POST /api/v1/mail/inbound — one raw RFC 5322 message (Content-Type: message/rfc822), handed
// in by `frontline mailgate` or an IMAP poller with a staff token. 201 when it opened a ticket,
// 200 when it joined one, was a duplicate, a bounce or ignored (loop, automatic reply).
#include "channels/email/mime_parser.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/mail_codec.hpp"

namespace frontline::http::handlers {

Response mail_inbound_post(Request& req, Services& s) {
  if (req.content_type.rfind("message/rfc822", 0) != 0) {
    return problem(core::make_error(core::Errc::bad_input,
                                    "send the raw message with Content-Type: message/rfc822"));
  }
  // app::Mail refuses non-staff callers too; checking here first spares parsing their upload.
  if (!req.caller().is_staff()) {
    return problem(core::make_error(core::Errc::forbidden, "mail is handed in by staff tokens"));
  }
  // A blocking route: the parse runs on the pool, never on a network thread, within the
  // configured CPU budget (over it, the message is stored raw).
  auto result = s.mail.receive(req.caller(),
                               channels::email::parse_message(req.body, s.settings.mail_parsing));
  if (!result) return problem(result.error());
  return Response::json(result->outcome == app::MailOutcome::created ? 201 : 200,
                        mail_result_json(*result));
}

}  // namespace frontline::http::handlers
