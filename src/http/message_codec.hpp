// Messages of a ticket (replies, notes, with their attachments) as JSON. Pure functions;
// thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"

namespace frontline::http {

std::string message_json(const core::Message& m);
std::string messages_json(const std::vector<core::Message>& ms);

}  // namespace frontline::http
