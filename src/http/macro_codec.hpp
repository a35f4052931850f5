// JSON encoders for macros and bulk-action results (the request side is in request_decoding).
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "app/bulk_actions.hpp"
#include "app/macros.hpp"
#include "core/macro.hpp"

namespace frontline::http {

std::string macro_json(const core::Macro& m);
std::string macros_json(const std::vector<core::Macro>& ms);
// {"ticket": {...}, "message": {...} | null}
std::string macro_applied_json(const app::MacroApplied& a, const core::Actor& viewer);
// {"results": [{"number", "status", "error"?}]}
std::string bulk_results_json(const std::vector<app::BulkOutcome>& outcomes);

}  // namespace frontline::http
