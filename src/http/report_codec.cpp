// Report JSON and CSV (see header).
#include "http/report_codec.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "core/civil_date.hpp"
#include "http/codec_support.hpp"
#include "http/csv.hpp"

namespace frontline::http {

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

}  // namespace frontline::http
