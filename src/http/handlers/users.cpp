// /api/v1/users — the directory for staff; creating and changing users is for admins.
#include "core/text.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/user_codec.hpp"

namespace frontline::http::handlers {

Response users_get(Request& req, Services& s) {
  std::optional<core::Role> role;
  if (auto v = req.query_param("role")) {
    role = core::parse_role(*v);
    if (!role)
      return problem(
          core::make_error(core::Errc::bad_input, "unknown role", {{"role", "unknown"}}));
  }
  core::Id after = 0;
  if (auto v = req.query_param("cursor")) after = parse_positive_id(*v).value_or(0);
  const std::string contains = req.query_param("q").value_or("");
  if (contains.size() > 200 || !core::is_valid_utf8(contains)) {
    return problem(core::make_error(core::Errc::bad_input, "q is not a usable search",
                                    {{"q", "at most 200 characters of UTF-8"}}));
  }
  constexpr int kPageSize = 200;
  auto users = s.accounts.users(req.caller(), role, contains, kPageSize, after);
  return reply(users, 200,
               [](const std::vector<core::User>& us) { return users_json(us, kPageSize); });
}

Response users_post(Request& req, Services& s) {
  auto input = decode_new_user(req.body);
  if (!input) return problem(input.error());
  return reply(s.accounts.create_user(req.caller(), *input), 201, user_json);
}

Response user_patch(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("user");
  auto changes = decode_user_changes(req.body);
  if (!changes) return problem(changes.error());
  return reply(s.accounts.update_user(req.caller(), *id, *changes), 200, user_json);
}

// POST /api/v1/me/password {"current_password","new_password"} — a person's own new password;
// every session of theirs ends (sign in again), API tokens stay.
Response me_password_post(Request& req, Services& s) {
  auto input = decode_password_change(req.body);
  if (!input) return problem(input.error());
  auto out =
      s.accounts.change_own_password(req.caller(), input->current_password, input->new_password);
  if (!out) return problem(out.error());
  return Response::no_content();
}

// POST /api/v1/users/{id}/sign-out-everywhere — ends every session and revokes every API token
// of the user (the user themself, or an admin).
Response user_sign_out_everywhere_post(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("user");
  auto out = s.accounts.sign_out_everywhere(req.caller(), *id);
  if (!out) return problem(out.error());
  return Response::no_content();
}

}  // namespace frontline::http::handlers
