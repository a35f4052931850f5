// Instants as a person's local calendar: which day (and hour) it is in their IANA time zone.
// The leaderboard credits a close to the technician's local day and the morning report goes
// out at a local hour. Backed by the system's tz database (Debian's tzdata, through
// Howard Hinnant's date library, which C++20's std::chrono has in GCC 12 only without zones).
#pragma once

#include <string_view>

#include "core/civil_date.hpp"
#include "core/model.hpp"

namespace frontline::app {

// True when the name is in the tz database ("Europe/Berlin", "UTC").
bool is_known_time_zone(std::string_view name);

struct LocalTime {
  core::Day day = 0;
  int hour = 0;  // 0..23
};

// The local day and hour of `t` in zone `name`; an unknown zone counts as UTC.
LocalTime local_time(core::UnixTime t, std::string_view name);
inline core::Day local_day(core::UnixTime t, std::string_view name) {
  return local_time(t, name).day;
}

}  // namespace frontline::app
