// Users, the directory and the caller's own identity (me) as JSON. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/model.hpp"

namespace frontline::app {
struct Invitation;
struct InvitationView;
}  // namespace frontline::app

namespace frontline::http {

std::string user_json(const core::User& u);
// One page of the directory; next_cursor when the page is full.
std::string users_json(const std::vector<core::User>& us, std::size_t page_size);
// {…the user (with_user)…, "invitation":{"expires_at","link"}}.
std::string invitation_json(const app::Invitation& inv, bool with_user);
// What the welcome page shows: {"email","name","expires_at"}.
std::string invitation_view_json(const app::InvitationView& v);
// With `profile`, also the caller's time zone and morning-report preference; with `limits`, the
// sizes the server accepts (so the web app can check a file before uploading it).
std::string me_json(const core::Actor& a, const std::string& csrf_token,
                    const core::User* profile = nullptr, const app::Limits* limits = nullptr);

}  // namespace frontline::http
