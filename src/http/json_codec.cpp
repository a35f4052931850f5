// JSON encoders (see header).
#include "http/json_codec.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <ctime>

#include "core/ticket_policy.hpp"

namespace frontline::http {
namespace json = boost::json;
namespace {

json::value opt_time(const std::optional<core::UnixTime>& t) {
  return t ? json::value(iso8601(*t)) : json::value(nullptr);
}

json::value opt_id(const std::optional<core::Id>& id) {
  return id ? json::value(*id) : json::value(nullptr);
}

json::object ticket_object(const core::Ticket& t, const core::Actor& viewer) {
  json::object o;
  o["number"] = t.number;
  o["subject"] = t.subject;
  o["status"] = core::to_string(t.status);
  o["requester"] = {
      {"id", t.requester_id}, {"email", t.requester_email}, {"name", t.requester_name}};
  o["organization_id"] = opt_id(t.organization_id);
  o["category"] = t.category;
  o["channel"] = core::to_string(t.channel);
  o["created_at"] = iso8601(t.created_at);
  o["updated_at"] = iso8601(t.updated_at);
  o["first_response_at"] = opt_time(t.first_response_at);
  o["resolved_at"] = opt_time(t.resolved_at);
  o["closed_at"] = opt_time(t.closed_at);
  o["merged_into"] = opt_id(t.merged_into);
  o["version"] = t.version;
  if (core::can(viewer, core::TicketAction::view_internal, t)) {
    o["priority"] = core::to_string(t.priority);
    o["assignee_id"] = opt_id(t.assignee_id);
    o["team_id"] = opt_id(t.team_id);
    json::array tags;
    for (const auto& tag : t.tags) tags.emplace_back(tag);
    o["tags"] = std::move(tags);
  }
  return o;
}

json::object message_object(const core::Message& m) {
  json::object o;
  o["id"] = m.id;
  o["ticket_number"] = m.ticket_number;
  o["kind"] = core::to_string(m.kind);
  o["author"] = {{"id", m.author_id}, {"name", m.author_name}};
  o["body"] = m.body;
  o["created_at"] = iso8601(m.created_at);
  json::array atts;
  for (const auto& a : m.attachments) {
    atts.push_back({{"id", a.id},
                    {"filename", a.filename},
                    {"content_type", a.content_type},
                    {"size", a.size},
                    {"url", "/api/v1/attachments/" + std::to_string(a.id)}});
  }
  o["attachments"] = std::move(atts);
  return o;
}

json::object user_object(const core::User& u) {
  return {{"id", u.id},
          {"email", u.email},
          {"name", u.name},
          {"role", core::to_string(u.role)},
          {"organization_id", opt_id(u.organization_id)},
          {"timezone", u.timezone},
          {"disabled", u.disabled},
          {"verified", u.verified},
          {"created_at", iso8601(u.created_at)}};
}

json::object organization_object(const core::Organization& o) {
  return {{"id", o.id}, {"name", o.name}, {"share_tickets", o.share_tickets}};
}

json::object team_object(const core::Team& t) {
  json::array members;
  for (auto id : t.member_ids) members.emplace_back(id);
  return {{"id", t.id}, {"name", t.name}, {"member_ids", std::move(members)}};
}

template <typename T, typename F>
std::string items_json(const std::vector<T>& items, F&& to_object) {
  json::array arr;
  for (const auto& i : items) arr.push_back(to_object(i));
  return json::serialize(json::object{{"items", std::move(arr)}});
}

}  // namespace

std::string iso8601(core::UnixTime t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string ticket_json(const core::Ticket& t, const core::Actor& viewer) {
  return json::serialize(ticket_object(t, viewer));
}

std::string ticket_list_json(const app::TicketList& list, const core::Actor& viewer) {
  json::array arr;
  for (const auto& t : list.items) arr.push_back(ticket_object(t, viewer));
  return json::serialize(
      json::object{{"items", std::move(arr)},
                   {"next_cursor", list.next_cursor.empty() ? json::value(nullptr)
                                                            : json::value(list.next_cursor)}});
}

std::string message_json(const core::Message& m) { return json::serialize(message_object(m)); }

std::string messages_json(const std::vector<core::Message>& ms) {
  return items_json(ms, message_object);
}

std::string events_json(const std::vector<core::Event>& es) {
  return items_json(es, [](const core::Event& e) {
    json::object o;
    o["id"] = e.id;
    o["ticket_number"] = opt_id(e.ticket_number);
    o["actor_id"] = opt_id(e.actor_id);
    o["type"] = e.type;
    boost::system::error_code ec;
    auto data = json::parse(e.data, ec);
    o["data"] = ec ? json::value(json::object{}) : std::move(data);
    o["created_at"] = iso8601(e.created_at);
    return o;
  });
}

std::string links_json(core::Id number, const std::vector<core::Id>& linked) {
  json::array arr;
  for (auto id : linked) arr.emplace_back(id);
  return json::serialize(json::object{{"number", number}, {"linked", std::move(arr)}});
}

std::string user_json(const core::User& u) { return json::serialize(user_object(u)); }
std::string users_json(const std::vector<core::User>& us) { return items_json(us, user_object); }

std::string me_json(const core::Actor& a, const std::string& csrf_token) {
  json::object o{{"id", a.id},
                 {"email", a.email},
                 {"name", a.name},
                 {"role", core::to_string(a.role)},
                 {"organization_id", opt_id(a.organization_id)}};
  if (!csrf_token.empty()) o["csrf_token"] = csrf_token;
  return json::serialize(o);
}

std::string organization_json(const core::Organization& o) {
  return json::serialize(organization_object(o));
}
std::string organizations_json(const std::vector<core::Organization>& os) {
  return items_json(os, organization_object);
}
std::string team_json(const core::Team& t) { return json::serialize(team_object(t)); }
std::string teams_json(const std::vector<core::Team>& ts) { return items_json(ts, team_object); }
std::string token_json(const std::string& token) {
  return json::serialize(json::object{{"token", token}});
}

}  // namespace frontline::http
