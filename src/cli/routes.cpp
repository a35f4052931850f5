// frontline routes: prints the API's routes, "METHOD /path/{param}" one per line, in the order
// the router matches them (the authorization-matrix test reads this list).
#include "http/routes.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.hpp"

namespace frontline::cli {

void add_routes_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("routes", "Print every API route: method and path pattern");
  cmd->callback([] {
    for (const auto& route : http::api_routes()) {
      std::cout << route.method << ' ' << route.pattern << '\n';
    }
  });
}

}  // namespace frontline::cli
