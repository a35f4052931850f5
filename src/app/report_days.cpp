// Report day ranges (see header).
#include "app/report_days.hpp"

namespace frontline::app {
namespace {

core::Result<core::Day> day_param(const std::optional<std::string>& text, const char* field,
                                  core::Day fallback) {
  if (!text) return fallback;
  auto d = core::parse_day(*text);
  if (!d) return core::invalid_field(field, "must be a date like 2026-01-31");
  return *d;
}

}  // namespace

core::Result<ReportDays> report_days(const std::optional<std::string>& from_text,
                                     const std::optional<std::string>& to_text, core::Day today) {
  auto to = day_param(to_text, "to", today);
  if (!to) return to.take_error();
  auto from = day_param(from_text, "from", *to - 13);
  if (!from) return from.take_error();
  if (*from > *to) return core::invalid_field("from", "must not be after to");
  if (*to - *from + 1 > kMaxReportDays) {
    return core::invalid_field("from", "a report covers at most 3660 days");
  }
  return ReportDays{*from, *to};
}

}  // namespace frontline::app
