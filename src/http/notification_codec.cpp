// Notification JSON (see header).
#include "http/notification_codec.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "http/codec_support.hpp"
#include "http/field_reader.hpp"

namespace frontline::http {

std::string notifications_json(const app::NotificationPage& page) {
  json::array items;
  for (const auto& n : page.items) {
    json::object o{{"id", n.id},
                   {"kind", core::to_string(n.kind)},
                   {"ticket_number", n.ticket_number},
                   {"subject", n.subject},
                   {"created_at", iso8601(n.created_at)},
                   {"read", n.read_at.has_value()}};
    if (n.actor_id) {
      o["actor"] = {{"id", *n.actor_id}, {"name", n.actor_name}};
    } else {
      o["actor"] = nullptr;
    }
    items.push_back(std::move(o));
  }
  return json::serialize(json::object{{"items", std::move(items)}, {"unread", page.unread}});
}

std::string unread_json(std::int64_t unread) {
  return json::serialize(json::object{{"unread", unread}});
}

core::Result<MarkReadInput> decode_mark_read(std::string_view body) {
  using decoding::FieldReader;
  return decoding::decode<MarkReadInput>(body, [](FieldReader& r) {
    MarkReadInput in;
    auto ids = r.ids("ids");
    in.all = r.boolean("all").value_or(false);
    if (ids) in.ids = std::move(*ids);
    if (in.all == ids.has_value()) {
      r.type_error("ids", "send either ids (an array of notification ids) or \"all\": true");
    }
    return in;
  });
}

}  // namespace frontline::http
