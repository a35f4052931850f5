// frontline events: prints the event catalogue as JSON, one type per line — wire name, scope,
// visibility and payload fields (docs/event_catalogue.json is this output; a unit test keeps it
// current and the web app's tests read it).
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.hpp"
#include "http/event_codec.hpp"

namespace frontline::cli {

void add_events_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("events", "Print the event catalogue as JSON");
  cmd->callback([] { std::cout << http::event_catalogue_json(); });
}

}  // namespace frontline::cli
