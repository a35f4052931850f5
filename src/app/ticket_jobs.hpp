// Background ticket rules run by the scheduler: closing tickets resolved N days ago.
// Thread-safe.
#pragma once

#include "app/context.hpp"
#include "core/result.hpp"

namespace frontline::app {

// Closes tickets resolved at least limits.auto_close_after_days ago; returns how many closed.
core::Result<int> auto_close_resolved(Context& ctx);

}  // namespace frontline::app
