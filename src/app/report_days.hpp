// The day range a report covers, from its optional from and to parameters (YYYY-MM-DD, both
// inclusive): the one reading of them the promise and answer reports share. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "core/civil_date.hpp"
#include "core/model.hpp"
#include "core/result.hpp"

namespace frontline::app {

// Ten years: a report over the whole history is still one bounded read.
inline constexpr int kMaxReportDays = 3660;

struct ReportDays {
  core::Day from = 0, to = 0;  // inclusive
  core::UnixTime starts_at() const { return core::UnixTime{from} * 86400; }
  core::UnixTime ends_before() const { return (core::UnixTime{to} + 1) * 86400; }  // exclusive
};

// Left out, `to` is `today` and `from` the 13 days before it. invalid naming the parameter: not
// a date, from after to, or more than kMaxReportDays days.
core::Result<ReportDays> report_days(const std::optional<std::string>& from,
                                     const std::optional<std::string>& to, core::Day today);

}  // namespace frontline::app
