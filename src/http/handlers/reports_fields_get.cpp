// GET /api/v1/reports/fields?key=KEY&from=&to= — staff: tickets created in the range counted by
// their intake answer under one question key (docs/intake.md).
#include <array>

#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/intake_codec.hpp"

namespace frontline::http::handlers {

Response reports_fields_get(Request& req, Services& s) {
  static constexpr std::array<std::string_view, 3> kAllowed{"key", "from", "to"};
  if (auto bad = unknown_query_param(req, kAllowed)) return *bad;
  return reply(s.intake.answers_report(req.caller(), req.query_param("key").value_or(""),
                                       req.query_param("from"), req.query_param("to")),
               200, answer_report_json);
}

}  // namespace frontline::http::handlers
