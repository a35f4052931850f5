// JSON encoders (see header).
#include "http/json_codec.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <cstdio>

#include "app/event_data.hpp"
#include "core/leaderboard.hpp"
#include "core/ticket_policy.hpp"
#include "http/csv.hpp"

namespace frontline::http {
namespace json = boost::json;
namespace {

json::value opt_id(const std::optional<core::Id>& id) {
  return id ? json::value(*id) : json::value(nullptr);
}

// Tickets are the hot path (GET one, queue lists of 50): written straight into the output
// string, without building a json::object per ticket (its allocations dominated list time).
class TicketWriter {
 public:
  explicit TicketWriter(std::string& out) : out_(out) {}

  void write(const core::Ticket& t, const core::Actor& viewer) {
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
    id("merged_into", t.merged_into);
    out_ += ",\"version\":" + std::to_string(t.version);
    if (core::can(viewer, core::TicketAction::view_internal, t)) {
      field("priority", core::to_string(t.priority));
      id("assignee_id", t.assignee_id);
      id("team_id", t.team_id);
      out_ += ",\"tags\":[";
      for (std::size_t i = 0; i < t.tags.size(); ++i) {
        if (i) out_ += ',';
        app::append_json_string(out_, t.tags[i]);
      }
      out_ += ']';
    }
    out_ += '}';
  }

 private:
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
          {"morning_report", u.morning_report},
          {"ranked", u.ranked},
          {"created_at", iso8601(u.created_at)}};
}

json::object organization_object(const core::Organization& o) {
  json::array week;
  for (const auto& day : core::work_week_names(core::WorkWeek{o.work_week})) week.emplace_back(day);
  return {{"id", o.id},
          {"name", o.name},
          {"share_tickets", o.share_tickets},
          {"work_week", std::move(week)}};
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
  // Civil date from days since the epoch (H. Hinnant's algorithm): no gmtime_r, whose time
  // zone lock showed up in list profiles.
  core::UnixTime days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  core::UnixTime secs = t - days * 86400;
  days += 719468;
  const core::UnixTime era = (days >= 0 ? days : days - 146096) / 146097;
  const core::UnixTime doe = days - era * 146097;
  const core::UnixTime yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const core::UnixTime doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const core::UnixTime mp = (5 * doy + 2) / 153;
  const core::UnixTime d = doy - (153 * mp + 2) / 5 + 1;
  const core::UnixTime m = mp < 10 ? mp + 3 : mp - 9;
  const core::UnixTime y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ",
                static_cast<long long>(y), static_cast<long long>(m), static_cast<long long>(d),
                static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                static_cast<long long>(secs % 60));
  return buf;
}

std::string ticket_json(const core::Ticket& t, const core::Actor& viewer) {
  std::string out;
  out.reserve(640);
  TicketWriter(out).write(t, viewer);
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

std::string message_json(const core::Message& m) { return json::serialize(message_object(m)); }

std::string messages_json(const std::vector<core::Message>& ms) {
  return items_json(ms, message_object);
}

static json::object event_object(const core::Event& e) {
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
}

std::string events_json(const std::vector<core::Event>& es) { return items_json(es, event_object); }

std::string event_catalogue_json() {
  std::string out = "{\"events\": [";
  const char* separator = "\n  ";
  for (const auto& spec : core::event_catalogue()) {
    json::object o;
    o["name"] = spec.name;
    o["scope"] = core::to_string(spec.scope);
    o["visibility"] = core::to_string(spec.visibility);
    if (!spec.internal_when.empty()) o["internal_when"] = spec.internal_when;
    json::array fields;
    for (auto field : core::payload_fields(spec)) fields.emplace_back(field);
    o["fields"] = std::move(fields);
    o["summary"] = spec.summary;
    out += separator;
    out += json::serialize(o);
    separator = ",\n  ";
  }
  out += "\n]}\n";
  return out;
}

std::string stream_event_json(const core::Event& e) {
  json::object o = event_object(e);
  o["internal"] = e.internal;
  return json::serialize(json::object{{"type", "event"}, {"event", std::move(o)}});
}

static json::object category_object(const core::Category& c) {
  return json::object{{"id", c.id}, {"name", c.name}};
}
std::string category_json(const core::Category& c) { return json::serialize(category_object(c)); }
std::string categories_json(const std::vector<core::Category>& cs) {
  return items_json(cs, category_object);
}

static json::object saved_filter_object(const core::SavedFilter& f) {
  return json::object{{"id", f.id}, {"name", f.name}, {"query", f.query}};
}
std::string saved_filter_json(const core::SavedFilter& f) {
  return json::serialize(saved_filter_object(f));
}
std::string saved_filters_json(const std::vector<core::SavedFilter>& fs) {
  return items_json(fs, saved_filter_object);
}

std::string links_json(core::Id number, const std::vector<core::Id>& linked) {
  json::array arr;
  for (auto id : linked) arr.emplace_back(id);
  return json::serialize(json::object{{"number", number}, {"linked", std::move(arr)}});
}

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

std::string tokens_json(const std::vector<store::ApiTokenRecord>& tokens) {
  return items_json(tokens, [](const store::ApiTokenRecord& t) {
    return json::object{{"id", t.id},
                        {"user_id", t.user_id},
                        {"name", t.name},
                        {"created_at", iso8601(t.created_at)}};
  });
}

std::string ticket_count_json(const app::TicketCount& c) {
  return json::serialize(json::object{{"count", c.count}, {"capped", c.capped}});
}

std::string mail_result_json(const app::MailResult& r) {
  return json::serialize(json::object{{"outcome", app::to_string(r.outcome)},
                                      {"ticket_number", opt_id(r.ticket_number)},
                                      {"reason", r.reason}});
}

static json::object mail_template_object(const app::TemplateInfo& t) {
  json::array placeholders;
  for (auto p : app::kPlaceholders) placeholders.emplace_back(p);
  return json::object{{"kind", app::to_string(t.kind)},
                      {"subject", t.text.subject},
                      {"body", t.text.body},
                      {"html", t.text.html},
                      {"customised", t.customised},
                      {"placeholders", std::move(placeholders)}};
}
std::string mail_template_json(const app::TemplateInfo& t) {
  return json::serialize(mail_template_object(t));
}
std::string mail_templates_json(const std::vector<app::TemplateInfo>& ts) {
  return items_json(ts, mail_template_object);
}

std::string rendered_mail_json(const app::RenderedMail& r) {
  return json::serialize(json::object{{"subject", r.subject}, {"body", r.body}, {"html", r.html}});
}

// ---------------------------------------------------------------- reports

static json::object board_line_object(const app::BoardLine& l) {
  return {{"rank", l.rank},
          {"agent", json::object{{"id", l.agent_id}, {"name", l.name}, {"email", l.email}}},
          {"team", l.team},
          {"closed", l.closed},
          {"working_days", l.working_days},
          {"average_per_day", l.average_per_day}};
}

std::string leaderboard_json(const app::Leaderboard& b) {
  json::array entries;
  for (const auto& l : b.entries) entries.push_back(board_line_object(l));
  return json::serialize(json::object{{"window_days", b.window_days},
                                      {"from", core::format_day(b.from)},
                                      {"to", core::format_day(b.to)},
                                      {"board", b.board},
                                      {"entries", std::move(entries)}});
}

std::string closed_report_json(const app::ClosedReport& r) {
  json::array rows;
  for (const auto& row : r.rows) {
    rows.push_back(json::object{{"key", row.key}, {"label", row.label}, {"closed", row.closed}});
  }
  return json::serialize(json::object{{"from", core::format_day(r.from)},
                                      {"to", core::format_day(r.to)},
                                      {"group_by", r.group_by},
                                      {"total", r.total},
                                      {"rows", std::move(rows)}});
}

// CSV of a closed report, for spreadsheets (cells guarded by csv_field).
std::string closed_report_csv(const app::ClosedReport& r) {
  std::string out = r.group_by + ",key,closed\r\n";
  for (const auto& row : r.rows) {
    out +=
        csv_field(row.label) + "," + csv_field(row.key) + "," + std::to_string(row.closed) + "\r\n";
  }
  return out;
}

static json::object board_object(const core::Board& b) {
  json::array members;
  for (auto id : b.member_ids) members.emplace_back(id);
  return {{"id", b.id}, {"name", b.name}, {"member_ids", std::move(members)}};
}
std::string board_json(const core::Board& b) { return json::serialize(board_object(b)); }
std::string boards_json(const std::vector<core::Board>& bs) { return items_json(bs, board_object); }

std::string away_days_json(const std::vector<core::Day>& days) {
  json::array arr;
  for (auto d : days) arr.emplace_back(core::format_day(d));
  return json::serialize(json::object{{"days", std::move(arr)}});
}

}  // namespace frontline::http
