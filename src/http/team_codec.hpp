// Teams and their members as JSON. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"

namespace frontline::http {

std::string team_json(const core::Team& t);
std::string teams_json(const std::vector<core::Team>& ts);

}  // namespace frontline::http
