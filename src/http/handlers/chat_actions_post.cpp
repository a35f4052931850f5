// POST /api/v1/chats/{id}/accept | transfer | end | rating: what staff (and, for end and rating,
// the customer) do with a chat as a whole.
#include "http/chat_codec.hpp"
#include "http/handlers/chat_caller.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"

namespace frontline::http::handlers {

Response chat_accept_post(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("chat");
  return reply(s.chats.accept(req.caller(), *id), 200, chat_json);
}

Response chat_transfer_post(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("chat");
  auto input = decode_chat_transfer(req.body);
  if (!input) return problem(input.error());
  return reply(s.chats.transfer(req.caller(), *id, input->agent_id, input->team_id,
                                std::move(input->note)),
               200, chat_json);
}

Response chat_end_post(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("chat");
  auto status = decode_chat_end(req.body);
  if (!status) return problem(status.error());
  return reply(s.chats.end(chat_caller(req), *id, *status), 200, chat_json);
}

Response chat_rating_post(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("chat");
  auto input = decode_chat_rating(req.body);
  if (!input) return problem(input.error());
  return reply(s.chats.rate(chat_caller(req), *id, input->rating, std::move(input->comment)), 200,
               chat_json);
}

}  // namespace frontline::http::handlers
