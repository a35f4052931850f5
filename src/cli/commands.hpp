// Each subcommand registers itself on the CLI11 app; main.cpp runs the chosen one.
#pragma once

namespace CLI {
class App;
}

namespace frontline::cli {

void add_serve_command(CLI::App& app);
void add_admin_commands(CLI::App& app);
void add_seed_command(CLI::App& app);
void add_mailgate_command(CLI::App& app);
void add_report_command(CLI::App& app);
void add_routes_command(CLI::App& app);
void add_events_command(CLI::App& app);
// `admin migrate-to-postgres` (registered by add_admin_commands on its `admin` subcommand).
void add_migrate_to_postgres_command(CLI::App& admin);

// Thrown by a command that must end the process with a particular exit status (sysexits).
struct ExitStatus {
  int code;
};

}  // namespace frontline::cli
