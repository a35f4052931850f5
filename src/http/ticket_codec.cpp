// Ticket JSON (see header).
#include "http/ticket_codec.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "app/event_data.hpp"
#include "core/intake.hpp"
#include "core/ticket_policy.hpp"
#include "http/codec_support.hpp"

namespace frontline::http {
namespace {

// Tickets are the hot path (GET one, queue lists of 50): written straight into the output
// string, without building a json::object per ticket (its allocations dominated list time).
class TicketWriter {
 public:
  explicit TicketWriter(std::string& out) : out_(out) {}

  void write(const core::Ticket& t, const core::Actor& viewer, const TicketExtras& extras = {}) {
    out_ += "{\"number\":" + std::to_string(t.number);
    field("subject", t.subject);
    field("status", core::to_string(t.status));
    out_ += ",\"requester\":{\"id\":" + std::to_string(t.requester_id);
    field("email", t.requester_email);
    field("name", t.requester_name);
    out_ += '}';
    id("organization_id", t.organization_id);
    field("category", t.category);
    field("channel", core::to_string(t.channel));
    time("created_at", t.created_at);
    time("updated_at", t.updated_at);
    time("first_response_at", t.first_response_at);
    time("resolved_at", t.resolved_at);
    time("closed_at", t.closed_at);
    time("customer_replied_at", t.customer_replied_at);
    id("merged_into", t.merged_into);
    out_ += ",\"version\":" + std::to_string(t.version);
    if (core::can(viewer, core::TicketAction::view_internal, t)) {
      field("priority", core::to_string(t.priority));
      id("assignee_id", t.assignee_id);
      id("team_id", t.team_id);
      id("service_id", t.service_id);
      out_ += ",\"tags\":[";
      for (std::size_t i = 0; i < t.tags.size(); ++i) {
        if (i) out_ += ',';
        app::append_json_string(out_, t.tags[i]);
      }
      out_ += ']';
    }
    if (t.fields) write_fields(*t.fields);
    if (!extras.chat.empty()) {
      key("chat");
      out_ += extras.chat;
    }
    if (!extras.escalation.empty() && core::can(viewer, core::TicketAction::view_internal, t)) {
      key("escalation");
      out_ += extras.escalation;
    }
    if (!extras.promises.empty() && core::can(viewer, core::TicketAction::view_internal, t)) {
      key("promises");
      out_ += extras.promises;
    }
    if (!extras.replacements.empty()) {
      key("replacements");
      out_ += extras.replacements;
    }
    out_ += '}';
  }

 private:
  // "fields": the intake answers in form order; a yes_no value as true or false.
  void write_fields(const std::vector<core::TicketField>& fields) {
    key("fields");
    out_ += '[';
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const auto& f = fields[i];
      if (i) out_ += ',';
      out_ += "{\"question_id\":" + std::to_string(f.question_id);
      field("key", f.key);
      field("label", f.label);
      field("kind", core::to_string(f.kind));
      key("value");
      if (f.kind == core::IntakeKind::yes_no) {
        out_ += f.value == "yes" ? "true" : "false";
      } else {
        app::append_json_string(out_, f.value);
      }
      out_ += '}';
    }
    out_ += ']';
  }
  void key(std::string_view k) {
    out_ += ",\"";
    out_ += k;
    out_ += "\":";
  }
  void field(std::string_view k, std::string_view v) {
    key(k);
    app::append_json_string(out_, v);
  }
  void id(std::string_view k, const std::optional<core::Id>& v) {
    key(k);
    out_ += v ? std::to_string(*v) : "null";
  }
  void time(std::string_view k, const std::optional<core::UnixTime>& v) {
    key(k);
    if (!v) {
      out_ += "null";
      return;
    }
    out_ += '"';
    out_ += iso8601(*v);
    out_ += '"';
  }
  std::string& out_;
};

}  // namespace

std::string ticket_json(const core::Ticket& t, const core::Actor& viewer,
                        const TicketExtras& extras) {
  std::string out;
  out.reserve(640 + extras.chat.size() + extras.escalation.size() + extras.promises.size() +
              extras.replacements.size());
  TicketWriter(out).write(t, viewer, extras);
  return out;
}

std::string ticket_list_json(const app::TicketList& list, const core::Actor& viewer) {
  std::string out;
  out.reserve(64 + list.items.size() * 640);
  out += "{\"items\":[";
  TicketWriter writer(out);
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    if (i) out += ',';
    writer.write(list.items[i], viewer);
  }
  out += "],\"next_cursor\":";
  if (list.next_cursor.empty()) {
    out += "null";
  } else {
    app::append_json_string(out, list.next_cursor);
  }
  out += '}';
  return out;
}

std::string links_json(core::Id number, const std::vector<core::Id>& linked) {
  json::array arr;
  for (auto id : linked) arr.emplace_back(id);
  return json::serialize(json::object{{"number", number}, {"linked", std::move(arr)}});
}

std::string ticket_count_json(const app::TicketCount& c) {
  return json::serialize(json::object{{"count", c.count}, {"capped", c.capped}});
}

}  // namespace frontline::http
