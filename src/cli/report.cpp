// frontline report daily: renders the morning reports dated --date for every technician (or
// the one named by --agent/--to) and prints them as text (--print) or queues them as mail for
// the running server to send — for checking a report and for cron users.
#include <CLI/CLI.hpp>
#include <iostream>

#include "app/reports.hpp"
#include "cli/commands.hpp"
#include "cli/config.hpp"
#include "cli/runtime.hpp"

namespace frontline::cli {
namespace {

struct ReportFlags {
  std::string config_path;
  std::string data_dir;
  std::string database_url;
  std::string date;
  std::string agent;
  bool print = false;
};

void daily(const ReportFlags& f) {
  Config config = load_config(f.config_path);
  if (!f.data_dir.empty()) config.data_dir = f.data_dir;
  if (!f.database_url.empty()) config.database_url = f.database_url;
  auto date = core::parse_day(f.date);
  if (!date) throw std::runtime_error("--date must be a date like 2026-11-24");
  Runtime rt({config.data_dir, config.database_url});
  app::Reports reports(*rt.ctx);
  std::optional<std::string> agent;
  if (!f.agent.empty()) agent = f.agent;
  auto built = reports.morning_reports(*date, agent);
  if (!built) throw std::runtime_error(built.error().message);
  if (f.print) {
    for (const auto& r : *built) {
      std::cout << "To: " << r.agent.name << " <" << r.agent.email << ">\n"
                << "Subject: " << app::morning_report_subject(r) << "\n\n"
                << app::morning_report_text(r) << "\n";
    }
    return;
  }
  auto queued = reports.queue_morning_reports(*built, outbound_settings(config));
  if (!queued) throw std::runtime_error(queued.error().message);
  std::cout << "queued " << *queued << " of " << built->size() << " reports (the others were "
            << "queued before)\n";
  if (config.smtp_url.empty()) {
    std::cerr << "note: no smtp_url is configured; the reports wait in the outbox until a server "
                 "with mail set up sends them\n";
  }
}

}  // namespace

void add_report_command(CLI::App& app) {
  auto f = std::make_shared<ReportFlags>();
  auto* report = app.add_subcommand("report", "Reports from the command line");
  report->require_subcommand(1);
  auto* d = report->add_subcommand("daily", "The technicians' morning reports for a date");
  d->add_option("--config", f->config_path, "TOML configuration file (for the mail sender)");
  d->add_option("--data", f->data_dir, "Data folder");
  d->add_option("--database", f->database_url,
                "PostgreSQL URL instead of SQLite in the data folder");
  d->add_option("--date", f->date, "The report's date, YYYY-MM-DD")->required();
  d->add_option("--agent,--to", f->agent, "Only this technician's report (their email)");
  d->add_flag("--print", f->print, "Print as text instead of queueing the mail");
  d->callback([f] { daily(*f); });
}

}  // namespace frontline::cli
