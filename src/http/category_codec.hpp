// Ticket categories as JSON. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"

namespace frontline::http {

std::string category_json(const core::Category& c);
std::string categories_json(const std::vector<core::Category>& cs);

}  // namespace frontline::http
