// /api/v1/me/filters — the caller's own saved filters (named queries in the search language).
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/saved_filter_codec.hpp"

namespace frontline::http::handlers {

Response saved_filters_get(Request& req, Services& s) {
  return reply(s.saved_filters.list(req.caller()), 200, saved_filters_json);
}

Response saved_filters_post(Request& req, Services& s) {
  auto input = decode_saved_filter(req.body);
  if (!input) return problem(input.error());
  return reply(s.saved_filters.create(req.caller(), input->name, input->query), 201,
               saved_filter_json);
}

Response saved_filter_delete(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("saved filter");
  auto removed = s.saved_filters.remove(req.caller(), *id);
  if (!removed) return problem(removed.error());
  return Response::no_content();
}

}  // namespace frontline::http::handlers
