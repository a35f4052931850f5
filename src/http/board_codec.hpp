// Leaderboard boards and a technician's away days as JSON. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/model.hpp"

namespace frontline::http {

std::string board_json(const core::Board& b);
std::string boards_json(const std::vector<core::Board>& bs);
std::string away_days_json(const std::vector<core::Day>& days);

}  // namespace frontline::http
