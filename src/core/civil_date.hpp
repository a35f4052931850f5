// Calendar days without time zones: the one civil-date parser, formatter and day arithmetic of
// Frontline. A day is the number of days since 1970-01-01 (proleptic Gregorian). The leaderboard
// counts closes per technician-local day; turning an instant into a local day needs a time-zone
// database and happens outside core. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace frontline::core {

using Day = std::int32_t;

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

bool is_leap_year(int year);
// 28..31; `month` must be 1..12.
int days_in_month(int year, int month);

// Exactly "YYYY-MM-DD": ten characters, ASCII digits, no sign or spaces, a year from 0001 to
// 9999 and a day that exists in that month (2028-02-29 yes, 2026-02-29 and 2026-02-31 no).
// nullopt otherwise.
std::optional<CivilDate> parse_civil_date(std::string_view s);
// "YYYY-MM-DD" (years past 9999 get more digits).
std::string format_civil_date(const CivilDate& d);

// Days since 1970-01-01 of a real date (no validation; negative before 1970).
Day day_from_civil(const CivilDate& d);
CivilDate civil_from_day(Day day);
// 0 = Monday … 6 = Sunday (ISO 8601).
int iso_weekday(Day day);

// A report day: parse_civil_date's rules, and not before 1970-01-01. nullopt otherwise.
std::optional<Day> parse_day(std::string_view s);
std::string format_day(Day day);
// "2026-01-02T03:04:05Z": a Unix time in UTC, as the API writes times.
std::string format_iso8601(std::int64_t unix_seconds);
// The inverse: exactly "YYYY-MM-DDTHH:MM:SSZ" (a real day, 00..23:00..59:00..59, not before
// 1970) as Unix seconds; nullopt otherwise.
std::optional<std::int64_t> parse_iso8601(std::string_view text);

}  // namespace frontline::core
