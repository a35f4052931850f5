// JSON for escalations and promises (see header).
#include "http/escalation_codec.hpp"

#include <boost/json/serialize.hpp>

#include "core/civil_date.hpp"
#include "http/codec_support.hpp"
#include "http/field_reader.hpp"

namespace frontline::http {
namespace {

using decoding::decode;
using decoding::FieldReader;

json::value opt_time(const std::optional<core::UnixTime>& t) {
  return t ? json::value(iso8601(*t)) : json::value(nullptr);
}

json::value contact_value(const std::optional<core::ServiceContact>& c) {
  if (!c) return nullptr;
  json::array steps;
  for (const auto& s : c->call_tree) {
    steps.emplace_back(json::object{{"press", s.press}, {"then", s.then}});
  }
  return json::object{{"id", c->id},       {"kind", core::to_string(c->kind)},
                      {"value", c->value}, {"call_tree", std::move(steps)},
                      {"hours", c->hours}, {"time_zone", c->time_zone},
                      {"notes", c->notes}, {"active", c->active}};
}

json::object promise_object(const core::Promise& p, core::UnixTime now) {
  return json::object{{"id", p.id},
                      {"ticket_number", p.ticket_number},
                      {"owner", json::object{{"id", p.owner_id}, {"name", p.owner_name}}},
                      {"text", p.text},
                      {"due_at", iso8601(p.due_at)},
                      {"remind_at", iso8601(p.remind_at)},
                      {"created_at", iso8601(p.created_at)},
                      {"reminded_at", opt_time(p.reminded_at)},
                      {"kept_at", opt_time(p.kept_at)},
                      {"kept_by", opt_id(p.kept_by)},
                      {"state", core::to_string(core::promise_state(p, now))},
                      {"late", core::kept_late(p)}};
}

}  // namespace

std::string escalation_json(const std::optional<app::EscalationView>& view) {
  if (!view) return "null";
  const auto& e = view->escalation;
  json::object o{{"id", e.id},
                 {"team_id", opt_id(e.team_id)},
                 {"team_name", view->team_name},
                 {"contact_id", opt_id(e.contact_id)},
                 {"contact", contact_value(view->contact)},
                 {"service_id", opt_id(e.service_id)},
                 {"service_name", view->service_name},
                 {"contact_label", e.contact_label},
                 {"summary", e.summary},
                 {"by", e.by_id ? json::value(json::object{{"id", *e.by_id}, {"name", e.by_name}})
                                : json::value(nullptr)},
                 {"at", iso8601(e.at)},
                 {"from_team_id", opt_id(e.from_team_id)}};
  return json::serialize(o);
}

std::string promise_json(const core::Promise& p, core::UnixTime now) {
  return json::serialize(promise_object(p, now));
}

std::string promises_array_json(const std::vector<core::Promise>& ps, core::UnixTime now) {
  json::array arr;
  for (const auto& p : ps) arr.push_back(promise_object(p, now));
  return json::serialize(arr);
}

std::string promises_json(const std::vector<core::Promise>& ps, core::UnixTime now) {
  return "{\"items\":" + promises_array_json(ps, now) + "}";
}

std::string promise_report_json(const app::PromiseReport& r) {
  json::array rows;
  for (const auto& t : r.rows) {
    rows.push_back(json::object{{"owner", json::object{{"id", t.owner_id}, {"name", t.owner_name}}},
                                {"kept", t.kept},
                                {"kept_late", t.kept_late},
                                {"broken", t.broken},
                                {"open", t.open}});
  }
  return json::serialize(json::object{{"from", core::format_day(r.from)},
                                      {"to", core::format_day(r.to)},
                                      {"rows", std::move(rows)}});
}

core::Result<app::EscalationRequest> decode_escalation(std::string_view body) {
  return decode<app::EscalationRequest>(body, [](FieldReader& r) {
    app::EscalationRequest e;
    e.team_id = r.id("team_id", false);
    e.contact_id = r.id("contact_id", false);
    e.summary = r.string("summary").value_or("");
    return e;
  });
}

core::Result<std::string> decode_deescalation(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return std::string();
  return decode<std::string>(body, [](FieldReader& r) { return r.string("note").value_or(""); });
}

core::Result<app::NewPromise> decode_new_promise(std::string_view body) {
  return decode<app::NewPromise>(body, [](FieldReader& r) {
    app::NewPromise p;
    auto due = r.string("due_at", true);
    if (due) {
      auto t = core::parse_iso8601(*due);
      if (!t) {
        r.type_error("due_at", "must be a time like 2026-11-30T15:00:00Z");
      } else {
        p.due_at = *t;
      }
    }
    p.text = r.string("text").value_or("");
    return p;
  });
}

}  // namespace frontline::http
