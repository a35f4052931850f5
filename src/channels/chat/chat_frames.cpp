// The live chat protocol's frames (see header).
#include "channels/chat/chat_frames.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "core/civil_date.hpp"

namespace frontline::channels::chat {
namespace json = boost::json;

namespace {

std::string string_at(const json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::optional<std::int64_t> int_at(const json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  if (v && v->is_int64()) return v->get_int64();
  if (v && v->is_uint64() && v->get_uint64() <= INT64_MAX) {
    return static_cast<std::int64_t>(v->get_uint64());
  }
  return std::nullopt;
}

core::Error bad_frame(std::string message) {
  return core::make_error(core::Errc::invalid, std::move(message));
}

}  // namespace

std::string_view author_role(core::Role role) {
  return role == core::Role::customer ? "customer" : "agent";
}

std::string entry_frame(const core::ChatEntry& e) {
  json::object o;
  o["type"] = core::to_string(e.kind);
  o["seq"] = e.seq;
  o["author"] = {{"role", author_role(e.author_role)}, {"name", e.author_name}};
  if (e.kind == core::ChatEntryKind::message) {
    o["body"] = e.body;
  } else {
    o["text"] = e.body;
  }
  o["at"] = core::format_iso8601(e.at);
  if (!e.client_id.empty()) o["client_id"] = e.client_id;
  // The app wrote data as a JSON object: its keys join the frame's (see docs/chat.md).
  boost::system::error_code ec;
  auto data = json::parse(e.data.empty() ? "{}" : e.data, ec);
  if (!ec && data.is_object()) {
    for (auto& [key, value] : data.as_object()) o[key] = value;
  }
  return json::serialize(o);
}

std::string ack_frame(std::string_view client_id, std::int64_t seq) {
  return json::serialize(json::object{{"type", "ack"}, {"client_id", client_id}, {"seq", seq}});
}

std::string typing_frame(core::Role role, std::string_view name, bool internal) {
  json::object o{{"type", "typing"}, {"author", {{"role", author_role(role)}, {"name", name}}}};
  if (internal) o["internal"] = true;
  return json::serialize(o);
}

std::string error_frame(std::string_view detail, std::string_view client_id) {
  json::object o{{"type", "error"}, {"detail", detail}};
  if (!client_id.empty()) o["client_id"] = client_id;
  return json::serialize(o);
}

std::string pong_frame() { return R"({"type":"pong"})"; }

core::Result<ClientFrame> parse_client_frame(std::string_view text) {
  if (text.size() > kMaxClientFrameBytes) return bad_frame("the frame is larger than 64 KB");
  boost::system::error_code ec;
  auto value = json::parse(text, ec);
  if (ec || !value.is_object()) return bad_frame("a frame is a JSON object: " + ec.message());
  const auto& o = value.as_object();
  const std::string type = string_at(o, "type");
  ClientFrame f;
  f.client_id = string_at(o, "client_id");
  if (type == "message") {
    f.type = ClientFrame::Type::message;
    auto* body = o.if_contains("body");
    if (!body || !body->is_string()) return bad_frame("a message frame has a \"body\" string");
    f.body = std::string(body->get_string());
  } else if (type == "typing") {
    f.type = ClientFrame::Type::typing;
    auto* internal = o.if_contains("internal");
    f.internal = internal && internal->is_bool() && internal->get_bool();
    f.ticket = int_at(o, "ticket").value_or(0);  // on the event feed: typing on this ticket
  } else if (type == "viewing") {
    f.type = ClientFrame::Type::viewing;
    auto* ticket = o.if_contains("ticket");
    if (!ticket || !(ticket->is_null() || int_at(o, "ticket"))) {
      return bad_frame("a viewing frame names a \"ticket\" number (null: none)");
    }
    f.ticket = ticket->is_null() ? 0 : *int_at(o, "ticket");
  } else if (type == "ping") {
    f.type = ClientFrame::Type::ping;
  } else if (type == "form") {
    const std::string action = string_at(o, "action");
    if (action == "request") {
      f.type = ClientFrame::Type::form_request;
      auto id = int_at(o, "form_id");
      if (!id) return bad_frame("a form request names a \"form_id\"");
      f.form_id = *id;
    } else if (action == "submit") {
      f.type = ClientFrame::Type::form_submit;
      auto seq = int_at(o, "request_seq");
      auto* values = o.if_contains("values");
      if (!seq || !values || !values->is_object()) {
        return bad_frame("a form submission has \"request_seq\" and a \"values\" object");
      }
      f.request_seq = *seq;
      for (const auto& [key, v] : values->as_object()) {
        if (v.is_string()) {
          f.values.emplace_back(std::string(key), std::string(v.get_string()));
        } else if (v.is_bool()) {
          f.values.emplace_back(std::string(key), v.get_bool() ? "yes" : "no");
        } else {
          return bad_frame("form values are strings (or true/false for yes/no)");
        }
      }
    } else {
      return bad_frame("a form frame's action is \"request\" or \"submit\"");
    }
  } else {
    return bad_frame("unknown frame type \"" + type + "\"");
  }
  return f;
}

}  // namespace frontline::channels::chat
