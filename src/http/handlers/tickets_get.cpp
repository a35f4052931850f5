// GET /api/v1/tickets — list and search (q= search language plus filter parameters), and
// GET /api/v1/tickets/count with the same filters.
#include <charconv>
#include <cstdio>

#include "core/civil_date.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/ticket_codec.hpp"

namespace frontline::http::handlers {
namespace {

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    auto end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// ISO-8601 "2026-01-02T03:04:05Z" or "2026-01-02" (a real calendar day), or unix seconds.
std::optional<core::UnixTime> parse_time(const std::string& s) {
  if (auto date = core::parse_civil_date(std::string_view(s).substr(0, 10))) {
    int h = 0, mi = 0, se = 0;
    std::sscanf(s.c_str() + 10, "T%2d:%2d:%2d", &h, &mi, &se);
    return core::UnixTime{core::day_from_civil(*date)} * 86400 + h * 3600 + mi * 60 + se;
  }
  core::UnixTime v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec == std::errc() && p == s.data() + s.size()) return v;
  return std::nullopt;
}

constexpr std::string_view kFilterParams[] = {"q",    "status",       "priority",  "assignee",
                                              "team", "service",      "requester", "organization",
                                              "tag",  "updated_since"};
constexpr std::string_view kPagingParams[] = {"limit", "cursor", "sort", "order"};

// Reads the filter (and, for listings, paging) parameters; a problem response when one is
// unknown or malformed.
std::optional<Response> read_query(const Request& req, bool paging, app::TicketListQuery& q) {
  if (auto bad = unknown_query_param(req, kFilterParams,
                                     paging ? std::span<const std::string_view>(kPagingParams)
                                            : std::span<const std::string_view>())) {
    return bad;
  }
  q.q = req.query_param("q").value_or("");
  if (auto v = req.query_param("status")) q.statuses = split_commas(*v);
  if (auto v = req.query_param("priority")) q.priorities = split_commas(*v);
  if (auto v = req.query_param("tag")) q.tags = split_commas(*v);
  q.assignee = req.query_param("assignee");
  q.team = req.query_param("team");
  q.service = req.query_param("service");
  q.requester = req.query_param("requester");
  q.organization = req.query_param("organization");
  q.cursor = req.query_param("cursor").value_or("");
  q.sort = req.query_param("sort").value_or("");
  if (auto v = req.query_param("order")) {
    if (*v != "asc" && *v != "desc") {
      return problem(core::make_error(core::Errc::bad_input, "order must be asc or desc",
                                      {{"order", "use asc or desc"}}));
    }
    q.ascending = *v == "asc";
  }
  if (auto v = req.query_param("updated_since")) {
    q.updated_since = parse_time(*v);
    if (!q.updated_since) {
      return problem(core::make_error(core::Errc::bad_input, "updated_since is not a time",
                                      {{"updated_since", "use 2026-01-31T12:00:00Z"}}));
    }
  }
  if (auto v = req.query_param("limit")) {
    auto n = parse_positive_id(*v);
    if (!n || *n > 200) {
      return problem(core::make_error(core::Errc::bad_input, "limit must be 1 to 200",
                                      {{"limit", "must be 1 to 200"}}));
    }
    q.limit = static_cast<int>(*n);
  }
  return std::nullopt;
}

}  // namespace

Response tickets_get(Request& req, Services& s) {
  app::TicketListQuery q;
  if (auto bad = read_query(req, true, q)) return std::move(*bad);
  const auto& actor = req.caller();
  return reply(s.tickets.list(actor, q), 200,
               [&](const app::TicketList& l) { return ticket_list_json(l, actor); });
}

// GET /api/v1/tickets/count — how many tickets the same filters match (queue badges).
Response tickets_count_get(Request& req, Services& s) {
  app::TicketListQuery q;
  if (auto bad = read_query(req, false, q)) return std::move(*bad);
  return reply(s.tickets.count(req.caller(), q), 200, ticket_count_json);
}

}  // namespace frontline::http::handlers
