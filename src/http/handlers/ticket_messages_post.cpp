// POST /api/v1/tickets/{number}/messages — a public reply or an internal note (JSON, or
// multipart/form-data with attachments).
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/message_codec.hpp"
#include "http/multipart.hpp"

namespace frontline::http::handlers {

Response ticket_messages_post(Request& req, Services& s) {
  auto number = path_id(req);
  if (!number) return no_such("ticket");
  NewMessageInput input;
  std::vector<app::NewAttachment> files;
  if (is_multipart(req.content_type)) {
    auto form = parse_multipart(req.content_type, req.body);
    if (!form) return problem(form.error());
    for (auto& [name, value] : form->fields) {
      if (name == "body") {
        input.body = value;
      } else if (name == "kind" && (value == "public" || value == "internal")) {
        input.kind = value == "internal" ? core::MessageKind::internal_note
                                         : core::MessageKind::public_reply;
      } else {
        return problem(core::make_error(core::Errc::bad_input,
                                        "unknown or invalid field \"" + name + "\"",
                                        {{name, "unknown or invalid"}}));
      }
    }
    files = std::move(form->files);
  } else {
    auto decoded = decode_new_message(req.body);
    if (!decoded) return problem(decoded.error());
    input = std::move(*decoded);
  }
  auto message = s.tickets.add_message(req.caller(), *number, input.kind, std::move(input.body),
                                       std::move(files));
  return reply(message, 201, message_json);
}

}  // namespace frontline::http::handlers
