// Events (a ticket's history and the live stream) as JSON. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"

namespace frontline::http {

std::string events_json(const std::vector<core::Event>& es);
// One event as the live stream sends it: {"type":"event","event":{…}}.
std::string stream_event_json(const core::Event& e);
// The event catalogue: {"events":[{name, scope, visibility, internal_when?, fields, summary}]},
// one type per line (docs/event_catalogue.json holds this text; `frontline events` prints it).
std::string event_catalogue_json();

}  // namespace frontline::http
