// Codec helpers (see header).
#include "http/codec_support.hpp"

#include "core/civil_date.hpp"

namespace frontline::http {

std::string iso8601(core::UnixTime t) { return core::format_iso8601(t); }

}  // namespace frontline::http
