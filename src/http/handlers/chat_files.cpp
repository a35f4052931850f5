// POST /api/v1/chats/{id}/files (multipart/form-data: one "file", optional "client_id") sends a
// file into a chat; GET /api/v1/chats/{id}/files/{attachment} downloads one sent there — for
// staff and the chat's own customer or visitor (404 for anyone else).
#include "http/chat_codec.hpp"
#include "http/handlers/chat_caller.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/multipart.hpp"

namespace frontline::http::handlers {

Response chat_file_post(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("chat");
  if (!is_multipart(req.content_type)) {
    return problem(core::make_error(core::Errc::bad_input,
                                    "send the file as multipart/form-data with a \"file\" part"));
  }
  auto form = parse_multipart(req.content_type, req.body);
  if (!form) return problem(form.error());
  std::string client_id;
  for (auto& [name, value] : form->fields) {
    if (name != "client_id") {
      return problem(core::make_error(core::Errc::bad_input, "unknown field \"" + name + "\"",
                                      {{name, "unknown field"}}));
    }
    client_id = value;
  }
  if (form->files.size() != 1) {
    return problem(
        core::invalid_field("file", "send exactly one file", "Choose one file to send."));
  }
  auto posted = s.chats.send_file(chat_caller(req), *id, std::move(form->files.front()),
                                  std::move(client_id));
  if (!posted) return problem(posted.error());
  return Response::json(posted->repeated ? 200 : 201, chat_entry_json(posted->entry));
}

Response chat_file_get(Request& req, Services& s) {
  auto id = path_id(req);
  auto attachment = path_id(req, 1);
  if (!id || !attachment) return no_such("file");
  auto content = s.chats.file(chat_caller(req), *id, *attachment);
  if (!content) return problem(content.error());
  return attachment_download(std::move(*content));
}

}  // namespace frontline::http::handlers
