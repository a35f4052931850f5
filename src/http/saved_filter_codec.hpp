// Saved ticket filters as JSON. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"

namespace frontline::http {

std::string saved_filter_json(const core::SavedFilter& f);
std::string saved_filters_json(const std::vector<core::SavedFilter>& fs);

}  // namespace frontline::http
