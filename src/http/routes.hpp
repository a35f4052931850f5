// The API's route table.
#pragma once

#include <vector>

#include "http/router.hpp"

namespace frontline::http {

std::vector<Route> api_routes();

}  // namespace frontline::http
