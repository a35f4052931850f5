// Macro and bulk-result JSON (see header). A macro's "changes" holds only the fields it sets, in
// the same names the request uses, so the editor can send back what it read.
#include "http/macro_codec.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "http/codec_support.hpp"
#include "http/message_codec.hpp"
#include "http/problem.hpp"
#include "http/ticket_codec.hpp"

namespace frontline::http {
namespace json = boost::json;
namespace {

json::value clearable_id(const std::optional<core::Id>& id) {
  return id ? json::value(*id) : json::value(nullptr);
}

json::array tag_array(const std::vector<std::string>& tags) {
  json::array out;
  for (const auto& t : tags) out.emplace_back(t);
  return out;
}

json::object macro_object(const core::Macro& m) {
  json::object changes;
  if (m.status) changes["status"] = core::to_string(*m.status);
  if (m.priority) changes["priority"] = core::to_string(*m.priority);
  if (m.assign_to_me) changes["assign_to_me"] = true;
  if (m.assignee_id) changes["assignee_id"] = clearable_id(*m.assignee_id);
  if (m.team_id) changes["team_id"] = clearable_id(*m.team_id);
  if (m.category) changes["category"] = *m.category;
  if (!m.add_tags.empty()) changes["add_tags"] = tag_array(m.add_tags);
  if (!m.remove_tags.empty()) changes["remove_tags"] = tag_array(m.remove_tags);
  return json::object{{"id", m.id},
                      {"name", m.name},
                      {"scope", m.shared() ? "shared" : "personal"},
                      {"owner_id", clearable_id(m.owner_id)},
                      {"changes", std::move(changes)},
                      {"reply", m.reply},
                      {"reply_kind", m.reply_internal ? "internal" : "public"},
                      {"updated_at", iso8601(m.updated_at)}};
}

}  // namespace

std::string macro_json(const core::Macro& m) { return json::serialize(macro_object(m)); }

std::string macros_json(const std::vector<core::Macro>& ms) {
  json::array items;
  for (const auto& m : ms) items.emplace_back(macro_object(m));
  return json::serialize(json::object{{"items", std::move(items)}});
}

std::string macro_applied_json(const app::MacroApplied& a, const core::Actor& viewer) {
  // The ticket and message encoders write text directly; they are spliced in as they are.
  return "{\"ticket\":" + ticket_json(a.ticket, viewer) +
         ",\"message\":" + (a.message ? message_json(*a.message) : std::string("null")) + "}";
}

std::string bulk_results_json(const std::vector<app::BulkOutcome>& outcomes) {
  json::array results;
  for (const auto& o : outcomes) {
    json::object r{{"number", o.number}, {"status", o.error ? http_status(o.error->code) : 200u}};
    if (o.error) r["error"] = o.error->message;
    results.emplace_back(std::move(r));
  }
  return json::serialize(json::object{{"results", std::move(results)}});
}

}  // namespace frontline::http
