// Codec helpers (see header).
#include "http/codec_support.hpp"

#include <cstdio>

#include "core/civil_date.hpp"

namespace frontline::http {

std::string iso8601(core::UnixTime t) {
  // Plain day arithmetic, no gmtime_r: its time zone lock showed up in list profiles.
  const core::UnixTime days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  const core::UnixTime secs = t - days * 86400;
  const auto d = core::civil_from_day(static_cast<core::Day>(days));
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02lld:%02lld:%02lldZ", d.year, d.month, d.day,
                static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                static_cast<long long>(secs % 60));
  return buf;
}

}  // namespace frontline::http
