// Calendar days without time zones: a day is the number of days since 1970-01-01 (proleptic
// Gregorian). The leaderboard counts closes per technician-local day; turning an instant into a
// local day needs a time-zone database and happens outside core.
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
};

Day day_from_civil(const CivilDate& d);
CivilDate civil_from_day(Day day);
// 0 = Monday … 6 = Sunday (ISO 8601).
int iso_weekday(Day day);
// "2026-11-24" → the day; nullopt when malformed or not a real date.
std::optional<Day> parse_day(std::string_view s);
std::string format_day(Day day);

}  // namespace frontline::core
