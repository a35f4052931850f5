// Signals between instances (see header): small JSON objects, {"from":…,"kind":…,…}.
#include "http/hub/other_instances.hpp"

#include <boost/json.hpp>
#include <set>

namespace frontline::http::hub {
namespace json = boost::json;
namespace {

json::object base(const std::string& from, std::string_view kind) {
  return json::object{{"from", from}, {"kind", kind}};
}

}  // namespace

std::string OtherInstances::presence_signal(core::Id ticket,
                                            const std::vector<Viewer>& viewers) const {
  auto o = base(self_, "presence");
  o["ticket"] = ticket;
  json::array list;
  for (const auto& v : viewers) list.push_back(json::object{{"id", v.id}, {"name", v.name}});
  o["viewers"] = std::move(list);
  return json::serialize(o);
}

std::string OtherInstances::typing_signal(core::Id ticket, const std::string& frame) const {
  auto o = base(self_, "typing");
  o["ticket"] = ticket;
  o["frame"] = frame;
  return json::serialize(o);
}

std::string OtherInstances::chat_typing_signal(core::Id chat, bool staff_only,
                                               const std::string& frame) const {
  auto o = base(self_, "chat_typing");
  o["chat"] = chat;
  o["staff_only"] = staff_only;
  o["frame"] = frame;
  return json::serialize(o);
}

std::string OtherInstances::staff_signal(std::size_t staff) const {
  auto o = base(self_, "staff");
  o["staff"] = staff;
  return json::serialize(o);
}

std::optional<Signal> OtherInstances::read(std::string_view payload) const {
  boost::system::error_code ec;
  auto value = json::parse(payload, ec);
  if (ec || !value.is_object()) return std::nullopt;
  const auto& o = value.as_object();
  const auto text = [&](std::string_view key) -> std::string {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
  };
  const auto number = [&](std::string_view key) -> std::int64_t {
    const auto* v = o.if_contains(key);
    boost::system::error_code bad;
    const auto n = v ? v->to_number<std::int64_t>(bad) : 0;
    return bad ? 0 : n;
  };
  Signal s;
  s.from = text("from");
  if (s.from.empty() || s.from == self_) return std::nullopt;
  const auto kind = text("kind");
  if (kind == "presence") {
    s.kind = Signal::Kind::presence;
    s.ticket = number("ticket");
    if (const auto* list = o.if_contains("viewers"); list && list->is_array()) {
      for (const auto& v : list->as_array()) {
        if (!v.is_object()) continue;
        const auto* id = v.as_object().if_contains("id");
        const auto* name = v.as_object().if_contains("name");
        if (id && id->is_int64() && name && name->is_string()) {
          s.viewers.push_back({id->as_int64(), std::string(name->as_string())});
        }
      }
    }
  } else if (kind == "typing") {
    s.kind = Signal::Kind::typing;
    s.ticket = number("ticket");
    s.frame = text("frame");
  } else if (kind == "chat_typing") {
    s.kind = Signal::Kind::chat_typing;
    s.chat = number("chat");
    const auto* staff_only = o.if_contains("staff_only");
    s.staff_only = staff_only && staff_only->is_bool() && staff_only->as_bool();
    s.frame = text("frame");
  } else if (kind == "staff") {
    s.kind = Signal::Kind::staff;
    s.staff = static_cast<std::size_t>(std::max<std::int64_t>(0, number("staff")));
  } else {
    return std::nullopt;
  }
  return s;
}

void OtherInstances::remember(const Signal& signal, Clock::time_point now) {
  auto& other = others_[signal.from];
  other.heard = now;
  if (signal.kind == Signal::Kind::presence) {
    if (signal.viewers.empty()) {
      other.viewing.erase(signal.ticket);
    } else {
      other.viewing[signal.ticket] = signal.viewers;
    }
  } else if (signal.kind == Signal::Kind::staff) {
    other.staff = signal.staff;
  }
}

std::vector<core::Id> OtherInstances::forget_silent(Clock::time_point now) {
  std::vector<core::Id> tickets;
  for (auto it = others_.begin(); it != others_.end();) {
    if (now - it->second.heard < kForgetAfter) {
      ++it;
      continue;
    }
    for (const auto& [ticket, viewers] : it->second.viewing) tickets.push_back(ticket);
    it = others_.erase(it);
  }
  return tickets;
}

std::vector<Viewer> OtherInstances::viewers(core::Id ticket) const {
  std::vector<Viewer> out;
  std::set<core::Id> seen;
  for (const auto& [name, other] : others_) {
    auto it = other.viewing.find(ticket);
    if (it == other.viewing.end()) continue;
    for (const auto& v : it->second) {
      if (seen.insert(v.id).second) out.push_back(v);
    }
  }
  return out;
}

bool OtherInstances::staff_elsewhere() const {
  for (const auto& [name, other] : others_) {
    if (other.staff > 0) return true;
  }
  return false;
}

}  // namespace frontline::http::hub
