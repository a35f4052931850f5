// /api/v1/notifications — a technician's own notifications (assigned to me, the customer
// replied on mine, mentioned in a note), and marking them read.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/notification_codec.hpp"

namespace frontline::http::handlers {

// GET /api/v1/notifications?unread=true&limit=N&before=ID — newest first, with the unread count.
Response notifications_get(Request& req, Services& s) {
  static constexpr std::string_view kParams[] = {"unread", "limit", "before"};
  if (auto bad = unknown_query_param(req, kParams)) return *bad;
  const auto unread = req.query_param("unread");
  if (unread && *unread != "true" && *unread != "false") {
    return problem(core::make_error(core::Errc::bad_input, "unread is true or false",
                                    {{"unread", "true or false"}}));
  }
  int limit = 50;
  if (auto v = req.query_param("limit")) {
    auto n = parse_positive_id(*v);
    if (!n || *n > 200) {
      return problem(core::make_error(core::Errc::bad_input, "limit is a number from 1 to 200",
                                      {{"limit", "1 to 200"}}));
    }
    limit = static_cast<int>(*n);
  }
  std::optional<core::Id> before;
  if (auto v = req.query_param("before")) {
    before = parse_positive_id(*v);
    if (!before) {
      return problem(core::make_error(core::Errc::bad_input, "before is a notification id",
                                      {{"before", "a notification id"}}));
    }
  }
  return reply(s.notifications.list(req.caller(), unread == "true", before, limit), 200,
               notifications_json);
}

// POST /api/v1/notifications/read {"ids":[…]} or {"all":true} → {"unread":N}
Response notifications_read_post(Request& req, Services& s) {
  auto input = decode_mark_read(req.body);
  if (!input) return problem(input.error());
  auto unread = input->all ? s.notifications.mark_all_read(req.caller())
                           : s.notifications.mark_read(req.caller(), input->ids);
  return reply(unread, 200, unread_json);
}

}  // namespace frontline::http::handlers
