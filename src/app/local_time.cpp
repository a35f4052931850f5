// Local days and hours (see header).
#include "app/local_time.hpp"

#include <date/tz.h>

#include <string>

namespace frontline::app {

namespace {

const date::time_zone* find_zone(std::string_view name) {
  // locate_zone throws for unknown names; the names reaching here were checked on the way in,
  // except in databases written before the check existed.
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

}  // namespace

bool is_known_time_zone(std::string_view name) {
  return !name.empty() && name.size() <= 64 && find_zone(name) != nullptr;
}

LocalTime local_time(core::UnixTime t, std::string_view name) {
  using namespace std::chrono;
  const sys_seconds instant{seconds{t}};
  const auto* zone = find_zone(name);
  const auto local = zone ? zone->to_local(instant).time_since_epoch() : instant.time_since_epoch();
  const auto day = floor<days>(local);
  return {static_cast<core::Day>(day.count()),
          static_cast<int>(duration_cast<hours>(local - day).count())};
}

}  // namespace frontline::app
