// JSON for the service directory (see header).
#include "http/service_codec.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "http/codec_support.hpp"
#include "http/field_reader.hpp"

namespace frontline::http {
namespace {

using decoding::decode;
using decoding::FieldReader;

// What a GET shows on a contact beyond what a request sets: accepted and ignored on the way in.
constexpr const char* kReadOnlyContactFields[] = {
    "last_verified_at", "verified_by", "verified_how", "verified_result",
    "review_due_at",    "overdue",     "created_at"};

json::value opt_time(const std::optional<core::UnixTime>& t) {
  return t ? json::value(iso8601(*t)) : json::value(nullptr);
}

json::array string_array(const std::vector<std::string>& values) {
  json::array out;
  for (const auto& v : values) out.emplace_back(v);
  return out;
}

json::array call_tree_array(const std::vector<core::CallTreeStep>& steps) {
  json::array out;
  for (const auto& s : steps) out.emplace_back(json::object{{"press", s.press}, {"then", s.then}});
  return out;
}

json::object contact_object(const core::ServiceContact& c, bool overdue, bool staff) {
  json::object o{{"id", c.id},
                 {"kind", core::to_string(c.kind)},
                 {"value", c.value},
                 {"call_tree", call_tree_array(c.call_tree)},
                 {"hours", c.hours},
                 {"time_zone", c.time_zone},
                 {"primary", c.is_primary}};
  if (!staff) return o;
  o["public"] = c.is_public;
  o["escalation"] = c.escalation;
  o["escalation_order"] = c.escalation ? json::value(c.escalation_order) : json::value(nullptr);
  o["active"] = c.active;
  o["notes"] = c.notes;
  o["last_verified_at"] = opt_time(c.last_verified_at);
  o["verified_by"] = opt_id(c.verified_by);
  o["verified_how"] =
      c.verified_how ? json::value(core::to_string(*c.verified_how)) : json::value(nullptr);
  o["verified_result"] =
      c.verified_result ? json::value(core::to_string(*c.verified_result)) : json::value(nullptr);
  o["review_interval_days"] = c.review_interval_days;
  o["review_due_at"] = iso8601(core::review_due_at(c));
  o["overdue"] = overdue;
  o["created_at"] = iso8601(c.created_at);
  return o;
}

json::object service_object(const app::ServiceView& v, const core::Actor& viewer) {
  const auto& s = v.service;
  const bool staff = viewer.is_staff();
  json::array contacts;
  for (std::size_t i = 0; i < s.contacts.size(); ++i) {
    contacts.emplace_back(
        contact_object(s.contacts[i], i < v.overdue.size() && v.overdue[i], staff));
  }
  json::object o{{"id", s.id},
                 {"name", s.name},
                 {"description", s.description},
                 {"urls", string_array(s.urls)},
                 {"keywords", string_array(s.keywords)},
                 {"public", s.is_public},
                 {"contacts", std::move(contacts)}};
  if (staff) {
    o["team_id"] = opt_id(s.team_id);
    o["version"] = s.version;
    o["created_at"] = iso8601(s.created_at);
    o["updated_at"] = iso8601(s.updated_at);
  }
  return o;
}

// Plain text is one step; an array holds {"press","then"} steps ("press" a string or a number).
std::vector<core::CallTreeStep> read_call_tree(FieldReader& r) {
  std::vector<core::CallTreeStep> steps;
  const auto* v = r.raw("call_tree");
  if (!v || v->is_null()) return steps;
  if (v->is_string()) {
    if (FieldReader::has_nul(v->as_string())) return r.nul_error("call_tree"), steps;
    if (!std::string_view(v->as_string()).empty())
      steps.push_back({"", std::string(v->as_string())});
    return steps;
  }
  constexpr const char* kShape = "must be text or an array of {\"press\", \"then\"} steps";
  if (!v->is_array()) return r.type_error("call_tree", kShape), steps;
  for (const auto& item : v->as_array()) {
    if (!item.is_object()) return r.type_error("call_tree", kShape), steps;
    FieldReader step(item.as_object());
    core::CallTreeStep s;
    const auto* press = step.raw("press");
    if (press && press->is_int64()) {
      s.press = std::to_string(press->as_int64());
    } else {
      s.press = step.string("press").value_or("");
    }
    s.then = step.string("then").value_or("");
    r.adopt(step.finish());
    steps.push_back(std::move(s));
  }
  return steps;
}

std::optional<int> small_int(FieldReader& r, const char* key) {
  auto v = r.integer(key);
  if (!v) return std::nullopt;
  if (*v < INT32_MIN || *v > INT32_MAX) return r.type_error(key, "is out of range"), std::nullopt;
  return static_cast<int>(*v);
}

std::optional<std::vector<app::ContactDraft>> read_contacts(FieldReader& r) {
  const auto* v = r.raw("contacts");
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_array()) return r.type_error("contacts", "must be an array of contacts"), std::nullopt;
  std::vector<app::ContactDraft> out;
  for (const auto& item : v->as_array()) {
    if (!item.is_object()) return r.type_error("contacts", "must be objects"), std::nullopt;
    FieldReader c(item.as_object());
    app::ContactDraft d;
    d.id = c.id("id", false);
    d.kind = c.choice<core::ContactKind>("kind", core::parse_contact_kind, "phone, email, web");
    if (!d.kind && !c.raw("kind")) c.type_error("kind", "is required (phone, email or web)");
    d.value = c.string("value").value_or("");
    d.call_tree = read_call_tree(c);
    d.hours = c.string("hours").value_or("");
    d.time_zone = c.string("time_zone").value_or("");
    d.is_public = c.boolean("public").value_or(false);
    d.escalation = c.boolean("escalation").value_or(false);
    d.escalation_order = small_int(c, "escalation_order");
    d.is_primary = c.boolean("primary").value_or(false);
    d.active = c.boolean("active").value_or(true);
    d.notes = c.string("notes").value_or("");
    d.review_interval_days = c.integer("review_interval_days");
    for (const char* key : kReadOnlyContactFields) c.raw(key);
    r.adopt(c.finish());
    out.push_back(std::move(d));
  }
  return out;
}

app::ServiceDraft read_service(FieldReader& r, bool name_required) {
  app::ServiceDraft d;
  d.name = r.string("name", name_required);
  d.description = r.string("description");
  d.urls = r.strings("urls");
  d.keywords = r.strings("keywords");
  d.team_id = r.nullable_id("team_id");
  d.is_public = r.boolean("public");
  d.contacts = read_contacts(r);
  return d;
}

}  // namespace

std::string service_json(const app::ServiceView& view, const core::Actor& viewer) {
  return json::serialize(service_object(view, viewer));
}

std::string services_json(const std::vector<app::ServiceView>& views, const core::Actor& viewer) {
  return items_json(views, [&](const app::ServiceView& v) { return service_object(v, viewer); });
}

std::string service_revisions_json(const std::vector<core::ServiceRevision>& revisions) {
  return items_json(revisions, [](const core::ServiceRevision& r) {
    boost::system::error_code ec;
    json::value snapshot = json::parse(r.snapshot, ec);
    if (ec) snapshot = nullptr;  // written by app::service_snapshot: never expected
    return json::object{{"id", r.id},
                        {"service_id", r.service_id},
                        {"author", r.author_id ? json::value(json::object{{"id", *r.author_id},
                                                                          {"name", r.author_name}})
                                               : json::value(nullptr)},
                        {"created_at", iso8601(r.created_at)},
                        {"restored_from", opt_id(r.restored_from)},
                        {"snapshot", std::move(snapshot)}};
  });
}

std::string service_orphans_json(const std::vector<app::OrphanService>& orphans,
                                 const core::Actor& viewer) {
  return items_json(orphans, [&](const app::OrphanService& o) {
    return json::object{{"service", service_object(o.service, viewer)},
                        {"reason", core::to_string(o.reason)},
                        {"open_tickets", o.open_tickets}};
  });
}

std::string overdue_contacts_json(const std::vector<app::OverdueContactView>& overdue) {
  return items_json(overdue, [](const app::OverdueContactView& o) {
    return json::object{{"service", json::object{{"id", o.service_id}, {"name", o.service_name}}},
                        {"contact", contact_object(o.contact, true, true)},
                        {"overdue_since", iso8601(o.overdue_since)}};
  });
}

std::string catalog_import_json(const app::ImportSummary& summary) {
  json::array skipped;
  for (const auto& s : summary.skipped) {
    skipped.push_back(json::object{{"document", s.document}, {"reason", s.reason}});
  }
  json::array warnings;
  for (const auto& w : summary.warnings) warnings.push_back(json::string(w));
  return json::serialize(json::object{{"created", summary.created},
                                      {"updated", summary.updated},
                                      {"skipped", std::move(skipped)},
                                      {"warnings", std::move(warnings)}});
}

core::Result<app::ServiceDraft> decode_new_service(std::string_view body) {
  return decode<app::ServiceDraft>(body, [](FieldReader& r) { return read_service(r, true); });
}

core::Result<app::ServiceDraft> decode_service_changes(std::string_view body) {
  return decode<app::ServiceDraft>(body, [](FieldReader& r) { return read_service(r, false); });
}

core::Result<app::ContactCheck> decode_contact_check(std::string_view body) {
  return decode<app::ContactCheck>(body, [](FieldReader& r) {
    app::ContactCheck c;
    auto how = r.choice<core::VerificationMethod>("how", core::parse_verification_method,
                                                  "called, emailed, web_form, other");
    auto result = r.choice<core::VerificationResult>("result", core::parse_verification_result,
                                                     "works, wrong, no_answer");
    if (!how && !r.raw("how")) r.type_error("how", "is required");
    if (!result && !r.raw("result")) r.type_error("result", "is required");
    c.how = how.value_or(core::VerificationMethod::other);
    c.result = result.value_or(core::VerificationResult::works);
    return c;
  });
}

core::Result<WrongContactReport> decode_wrong_contact_report(std::string_view body) {
  return decode<WrongContactReport>(body, [](FieldReader& r) {
    WrongContactReport w;
    w.ticket = r.id("ticket", true).value_or(0);
    w.note = r.string("note").value_or("");
    return w;
  });
}

}  // namespace frontline::http
