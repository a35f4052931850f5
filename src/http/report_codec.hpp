// Reports as JSON (and CSV): the leaderboard and the closed-tickets report. Pure functions;
// thread-safe.
#pragma once

#include <string>

#include "app/reports.hpp"

namespace frontline::http {

std::string leaderboard_json(const app::Leaderboard& b);
std::string closed_report_json(const app::ClosedReport& r);
std::string closed_report_csv(const app::ClosedReport& r);

}  // namespace frontline::http
