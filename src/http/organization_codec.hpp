// Organisations (with their work week) as JSON. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"

namespace frontline::http {

std::string organization_json(const core::Organization& o);
std::string organizations_json(const std::vector<core::Organization>& os);

}  // namespace frontline::http
