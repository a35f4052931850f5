// Message JSON (see header).
#include "http/message_codec.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "http/codec_support.hpp"

namespace frontline::http {
namespace {

json::object message_object(const core::Message& m) {
  json::object o;
  o["id"] = m.id;
  o["ticket_number"] = m.ticket_number;
  o["kind"] = core::to_string(m.kind);
  o["author"] = {{"id", m.author_id}, {"name", m.author_name}};
  o["body"] = m.body;
  o["created_at"] = iso8601(m.created_at);
  // Only ever true for staff: the app clears it for everyone else.
  if (m.unverified_sender) o["unverified_sender"] = true;
  if (!m.html.empty()) o["html"] = m.html;  // sanitised when it came in
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

}  // namespace

std::string message_json(const core::Message& m) { return json::serialize(message_object(m)); }

std::string messages_json(const std::vector<core::Message>& ms) {
  return items_json(ms, message_object);
}

}  // namespace frontline::http
