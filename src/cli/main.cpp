// frontline: the help desk's single binary (serve, admin, seed, mailgate, report, routes,
// events).
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Frontline — a help desk for technical support teams"};
  app.require_subcommand(1);
  frontline::cli::add_serve_command(app);
  frontline::cli::add_admin_commands(app);
  frontline::cli::add_seed_command(app);
  frontline::cli::add_mailgate_command(app);
  frontline::cli::add_report_command(app);
  frontline::cli::add_routes_command(app);
  frontline::cli::add_events_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const frontline::cli::ExitStatus& e) {
    return e.code;
  } catch (const std::exception& e) {
    std::cerr << "frontline: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
