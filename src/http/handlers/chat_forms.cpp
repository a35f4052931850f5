// Forms in chats: POST /api/v1/chats/{id}/forms {"form_id"} (staff send one; {"replacement_id"}
// sends the built-in "Shipping address" form of a replacement on the chat's ticket) and
// POST /api/v1/chats/{id}/forms/{request_seq} {"values"} (the customer fills it in); and the
// forms themselves, /api/v1/chat-forms (staff read, admins write).
#include "http/chat_codec.hpp"
#include "http/handlers/chat_caller.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"

namespace frontline::http::handlers {

Response chat_form_request_post(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("chat");
  auto request = decode_chat_form_request(req.body);
  if (!request) return problem(request.error());
  auto posted = request->replacement_id
                    ? s.chats.request_address_form(req.caller(), *id, *request->replacement_id)
                    : s.chats.request_form(req.caller(), *id, *request->form_id);
  return reply(posted, 201, [](const app::PostedEntry& p) { return chat_entry_json(p.entry); });
}

Response chat_form_submit_post(Request& req, Services& s) {
  auto id = path_id(req);
  auto seq = path_id(req, 1);
  if (!id || !seq) return no_such("chat form");
  auto input = decode_chat_form_submission(req.body);
  if (!input) return problem(input.error());
  auto posted = s.chats.submit_form(chat_caller(req), *id, *seq, std::move(input->values),
                                    std::move(input->client_id));
  if (!posted) return problem(posted.error());
  return Response::json(posted->repeated ? 200 : 201, chat_entry_json(posted->entry));
}

Response chat_forms_get(Request& req, Services& s) {
  return reply(s.chats.forms(req.caller()), 200, chat_forms_json);
}

Response chat_forms_post(Request& req, Services& s) {
  auto form = decode_chat_form(req.body);
  if (!form) return problem(form.error());
  return reply(s.chats.create_form(req.caller(), std::move(*form)), 201, chat_form_json);
}

Response chat_form_patch(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("chat form");
  auto form = decode_chat_form(req.body);
  if (!form) return problem(form.error());
  form->id = *id;
  return reply(s.chats.update_form(req.caller(), std::move(*form)), 200, chat_form_json);
}

Response chat_form_delete(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("chat form");
  auto removed = s.chats.delete_form(req.caller(), *id);
  if (!removed) return problem(removed.error());
  return Response::no_content();
}

}  // namespace frontline::http::handlers
