// /api/v1/categories — the categories the ticket forms offer (readable without signing in: the
// chat widget's anonymous visitors pick one); admins add and remove them.
#include "http/category_codec.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"

namespace frontline::http::handlers {

Response categories_get(Request& req, Services& s) {
  return reply(s.categories.list(req.actor.value_or(core::Actor{})), 200, categories_json);
}

Response categories_post(Request& req, Services& s) {
  auto name = decode_category(req.body);
  if (!name) return problem(name.error());
  return reply(s.categories.create(req.caller(), *name), 201, category_json);
}

Response category_delete(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("category");
  auto removed = s.categories.remove(req.caller(), *id);
  if (!removed) return problem(removed.error());
  return Response::no_content();
}

}  // namespace frontline::http::handlers
