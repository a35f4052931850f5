// Keeps an HTML mail body as safe HTML: an allowlist of formatting tags is re-written from
// scratch (never copied through), every other tag is dropped (its text kept), scripts, styles,
// frames and objects are dropped with their content, and the only attributes left are a link's
// http/https/mailto href, an inline image's cid: src and alt, and table cell spans.
#pragma once

#include <string>
#include <string_view>

#include "channels/email/cpu_budget.hpp"

namespace frontline::channels::email {

// Linear in the input; stops early (dropping the rest) once `budget` is spent.
std::string sanitize_html(std::string_view html, CpuBudget* budget = nullptr);

}  // namespace frontline::channels::email
