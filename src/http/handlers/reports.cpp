// /api/v1/leaderboard and /api/v1/reports/closed — closed-ticket reports for staff, read from
// the daily rollups. The closed report is also a CSV download (format=csv).
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/report_codec.hpp"

namespace frontline::http::handlers {

namespace {
constexpr std::string_view kLeaderboardParams[] = {"window", "board", "date"};
constexpr std::string_view kClosedReportParams[] = {"from", "to", "group_by", "format"};
}  // namespace

Response leaderboard_get(Request& req, Services& s) {
  if (auto bad = unknown_query_param(req, kLeaderboardParams)) return *bad;
  app::LeaderboardQuery q;
  q.window = req.query_param("window").value_or("14d");
  q.board = req.query_param("board").value_or("");
  q.date = req.query_param("date");
  return reply(s.reports.leaderboard(req.caller(), q), 200, leaderboard_json);
}

Response reports_closed_get(Request& req, Services& s) {
  if (auto bad = unknown_query_param(req, kClosedReportParams)) return *bad;
  app::ClosedReportQuery q;
  q.from = req.query_param("from");
  q.to = req.query_param("to");
  q.group_by = req.query_param("group_by").value_or("agent");
  const auto format = req.query_param("format").value_or("json");
  if (format != "json" && format != "csv") {
    return problem(core::invalid_field("format", "must be json or csv"));
  }
  auto report = s.reports.closed(req.caller(), q);
  if (!report || format == "json") return reply(report, 200, closed_report_json);
  Response r;
  r.content_type = "text/csv; charset=utf-8";
  r.body = closed_report_csv(*report);
  r.header("Content-Disposition", "attachment; filename=\"closed-by-" + report->group_by + "-" +
                                      core::format_day(report->from) + "-" +
                                      core::format_day(report->to) + ".csv\"");
  return r;
}

}  // namespace frontline::http::handlers
