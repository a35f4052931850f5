// /api/v1/boards — named leaderboards; staff read them, admins choose whom each ranks.
#include "http/board_codec.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"

namespace frontline::http::handlers {

Response boards_get(Request& req, Services& s) {
  return reply(s.ranking.boards(req.caller()), 200, boards_json);
}

Response boards_post(Request& req, Services& s) {
  auto input = decode_board(req.body);
  if (!input) return problem(input.error());
  return reply(s.ranking.create_board(req.caller(), *input), 201, board_json);
}

Response board_patch(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("board");
  auto input = decode_board(req.body);
  if (!input) return problem(input.error());
  return reply(s.ranking.update_board(req.caller(), *id, *input), 200, board_json);
}

Response board_delete(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("board");
  auto removed = s.ranking.delete_board(req.caller(), *id);
  if (!removed) return problem(removed.error());
  return Response::no_content();
}

}  // namespace frontline::http::handlers
