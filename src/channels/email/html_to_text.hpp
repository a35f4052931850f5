// Turns an HTML mail body into plain text for the conversation and the search index: scripts,
// styles and comments dropped, block elements become line breaks, entities decoded. The text is
// shown as text (never as HTML), so nothing in it can run in a browser. Linear in the input;
// stops early (with the text so far) once `budget` is spent.
#pragma once

#include <string>
#include <string_view>

#include "channels/email/cpu_budget.hpp"

namespace frontline::channels::email {

std::string html_to_text(std::string_view html, CpuBudget* budget = nullptr);

}  // namespace frontline::channels::email
