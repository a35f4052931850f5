// /api/v1/macros — list, add, change and remove macros: shared ones (admins) and the caller's own.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/macro_codec.hpp"

namespace frontline::http::handlers {

Response macros_get(Request& req, Services& s) {
  return reply(s.macros.list(req.caller()), 200, macros_json);
}

Response macros_post(Request& req, Services& s) {
  auto input = decode_macro(req.body);
  if (!input) return problem(input.error());
  return reply(s.macros.create(req.caller(), std::move(input->macro), input->shared), 201,
               macro_json);
}

Response macro_patch(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("macro");
  auto edit = decode_macro_edit(req.body);
  if (!edit) return problem(edit.error());
  return reply(s.macros.update(req.caller(), *id, *edit), 200, macro_json);
}

Response macro_delete(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("macro");
  auto removed = s.macros.remove(req.caller(), *id);
  if (!removed) return problem(removed.error());
  return Response::no_content();
}

}  // namespace frontline::http::handlers
