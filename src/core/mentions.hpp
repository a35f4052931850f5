// Who a note mentions: "@Full Name" or "@localpart" (the part of an email before the @),
// ASCII case-insensitive. Pure; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace frontline::core {

// The ids of the people in `people` that `text` mentions, each once, in the order of `people`.
// An "@" counts only at the start or after a character that cannot be part of an address (so
// "ann@example.com" mentions nobody), and the name must end there ("@ann" is not "@anna").
std::vector<Id> mentioned_people(std::string_view text, const std::vector<User>& people);

}  // namespace frontline::core
