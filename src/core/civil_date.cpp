// Civil dates (see header). The conversions count 400-year eras of 146,097 days with the year
// starting in March, so leap days fall at the end of the year (the method H. Hinnant describes
// in "chrono-Compatible Low-Level Date Algorithms"); std::chrono's calendar types would do,
// but GCC 12's library lacks the time-zone half anyway, so core keeps one small form.
#include "core/civil_date.hpp"

#include <cstdio>

namespace frontline::core {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

std::optional<CivilDate> parse_civil_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  constexpr std::size_t kStart[3] = {0, 5, 8}, kLength[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (std::size_t i = kStart[f]; i < kStart[f] + kLength[f]; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      fields[f] = fields[f] * 10 + (s[i] - '0');
    }
  }
  const CivilDate d{fields[0], fields[1], fields[2]};
  if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > days_in_month(d.year, d.month)) {
    return std::nullopt;
  }
  return d;
}

std::string format_civil_date(const CivilDate& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

Day day_from_civil(const CivilDate& d) {
  const int y = d.year - (d.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(d.month > 2 ? d.month - 3 : d.month + 9);
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<Day>(era * 146097 + static_cast<int>(doe) - 719468);
}

CivilDate civil_from_day(Day day) {
  const int z = day + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2 ? 1 : 0), static_cast<int>(m), static_cast<int>(d)};
}

int iso_weekday(Day day) {
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  return static_cast<int>(((static_cast<std::int64_t>(day) % 7) + 7 + 3) % 7);
}

std::optional<Day> parse_day(std::string_view s) {
  auto d = parse_civil_date(s);
  if (!d || d->year < 1970) return std::nullopt;
  return day_from_civil(*d);
}

std::string format_day(Day day) { return format_civil_date(civil_from_day(day)); }

std::string format_iso8601(std::int64_t t) {
  // Plain day arithmetic, no gmtime_r: its time zone lock showed up in list profiles.
  const std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  const std::int64_t secs = t - days * 86400;
  const auto d = civil_from_day(static_cast<Day>(days));
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02lld:%02lld:%02lldZ", d.year, d.month, d.day,
                static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                static_cast<long long>(secs % 60));
  return buf;
}

std::optional<std::int64_t> parse_iso8601(std::string_view s) {
  if (s.size() != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') {
    return std::nullopt;
  }
  auto day = parse_day(s.substr(0, 10));
  if (!day) return std::nullopt;
  auto two = [&](std::size_t at) -> int {
    const char a = s[at], b = s[at + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
    return (a - '0') * 10 + (b - '0');
  };
  const int h = two(11), m = two(14), sec = two(17);
  if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59) return std::nullopt;
  return std::int64_t{*day} * 86400 + h * 3600 + m * 60 + sec;
}

}  // namespace frontline::core
