// User JSON (see header).
#include "http/user_codec.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "app/invitations.hpp"
#include "app/tickets.hpp"
#include "http/codec_support.hpp"

namespace frontline::http {
namespace {

json::object user_object(const core::User& u) {
  return {{"id", u.id},
          {"email", u.email},
          {"name", u.name},
          {"role", core::to_string(u.role)},
          {"organization_id", opt_id(u.organization_id)},
          {"timezone", u.timezone},
          {"disabled", u.disabled},
          {"verified", u.verified},
          {"morning_report", u.morning_report},
          {"ranked", u.ranked},
          {"invited", u.invited},
          {"created_at", iso8601(u.created_at)}};
}

}  // namespace

std::string user_json(const core::User& u) { return json::serialize(user_object(u)); }
std::string users_json(const std::vector<core::User>& us, std::size_t page_size) {
  json::array arr;
  for (const auto& u : us) arr.push_back(user_object(u));
  // A full page may have more after it: the last id is the cursor for the next.
  json::value next = us.size() == page_size && !us.empty()
                         ? json::value(std::to_string(us.back().id))
                         : json::value(nullptr);
  return json::serialize(json::object{{"items", std::move(arr)}, {"next_cursor", next}});
}

std::string invitation_json(const app::Invitation& inv, bool with_user) {
  json::object o;
  if (with_user) o = user_object(inv.user);
  o["invitation"] = {{"expires_at", iso8601(inv.expires_at)}, {"link", inv.link}};
  return json::serialize(o);
}

std::string invitation_view_json(const app::InvitationView& v) {
  return json::serialize(
      json::object{{"email", v.email}, {"name", v.name}, {"expires_at", iso8601(v.expires_at)}});
}

std::string me_json(const core::Actor& a, const std::string& csrf_token, const core::User* profile,
                    const app::Limits* limits) {
  json::object o{{"id", a.id},
                 {"email", a.email},
                 {"name", a.name},
                 {"role", core::to_string(a.role)},
                 {"organization_id", opt_id(a.organization_id)}};
  if (profile) {
    o["timezone"] = profile->timezone;
    o["morning_report"] = profile->morning_report;
  }
  if (!csrf_token.empty()) o["csrf_token"] = csrf_token;
  if (limits) {
    o["limits"] = json::object{
        {"max_attachment_bytes", static_cast<std::uint64_t>(limits->max_attachment_bytes)},
        {"max_message_bytes", static_cast<std::uint64_t>(app::kMaxBodyBytes)}};
  }
  return json::serialize(o);
}

}  // namespace frontline::http
