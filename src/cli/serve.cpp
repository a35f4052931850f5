// frontline serve: opens the data folder, creates the first admin, starts the scheduler and
// the HTTP server, and prints where to sign in.
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <limits>
#include <thread>

#include "app/accounts.hpp"
#include "app/credentials.hpp"
#include "app/mail_outbox.hpp"
#include "channels/email/imap_poller.hpp"
#include "channels/email/smtp_sender.hpp"
#include "cli/commands.hpp"
#include "cli/config.hpp"
#include "cli/runtime.hpp"
#include "http/routes.hpp"
#include "http/server.hpp"
#include "jobs/mail_dispatcher.hpp"
#include "jobs/scheduler.hpp"

namespace frontline::cli {
namespace {

struct ServeFlags {
  std::string config_path;
  std::string data_dir;
  std::string database_url;
  std::string attachments_dir;
  std::string listen;
  std::string web_root;
};

// On first start there is no admin: create one, with FRONTLINE_ADMIN_PASSWORD or a generated
// password printed once.
void ensure_admin(app::Context& ctx, const Config& config) {
  bool has_admin = false;
  ctx.db.read([&](store::Tx& tx) {
    has_admin = !tx.accounts().list_users(core::Role::admin, "", 1, 0).empty();
  });
  if (has_admin) return;
  const char* env_password = std::getenv("FRONTLINE_ADMIN_PASSWORD");
  std::string password =
      env_password && *env_password ? env_password : app::random_token("").substr(0, 20);
  app::Accounts accounts(ctx);
  app::NewUser admin{config.admin_email, "Administrator", core::Role::admin,
                     password,           std::nullopt,    "UTC"};
  auto created = accounts.create_user(app::system_actor(), admin);
  if (!created)
    throw std::runtime_error("cannot create the first admin: " + created.error().message);
  std::cout << "Created the first admin: " << config.admin_email;
  if (env_password && *env_password) {
    std::cout << " (password from FRONTLINE_ADMIN_PASSWORD)\n";
  } else {
    std::cout << " with password " << password << " (shown once; change it after signing in)\n";
  }
}

// The built web app: web/dist under the working directory (a checkout), else the share folder
// next to an installed binary (<prefix>/bin/frontline → <prefix>/share/frontline/web).
std::string default_web_root() {
  namespace fs = std::filesystem;
  if (fs::is_directory("web/dist")) return "web/dist";
  std::error_code ec;
  auto exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  auto shared = exe.parent_path().parent_path() / "share" / "frontline" / "web";
  return fs::is_directory(shared, ec) ? shared.string() : "";
}

// Raises the soft limit on open files to the hard limit (every connection is one) and returns
// how many connections fit under it, leaving room for the database, attachments and mail.
int connection_room() {
  constexpr rlim_t kReserved = 512;
  rlimit files{};
  if (::getrlimit(RLIMIT_NOFILE, &files) != 0) return 1024;
  if (files.rlim_cur < files.rlim_max) {
    rlimit raised = files;
    raised.rlim_cur = files.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) files = raised;
  }
  const rlim_t room =
      files.rlim_cur > 2 * kReserved ? files.rlim_cur - kReserved : files.rlim_cur / 2;
  return static_cast<int>(std::min<rlim_t>(room, std::numeric_limits<int>::max()));
}

void serve(const ServeFlags& flags) {
  Config config = load_config(flags.config_path);
  if (!flags.data_dir.empty()) config.data_dir = flags.data_dir;
  if (!flags.database_url.empty()) config.database_url = flags.database_url;
  if (!flags.attachments_dir.empty()) config.attachments_dir = flags.attachments_dir;
  if (!flags.listen.empty()) config.listen = flags.listen;
  if (!flags.web_root.empty()) config.web_root = flags.web_root;
  if (config.web_root.empty()) config.web_root = default_web_root();
  http::ListenOptions listen;
  split_listen(config.listen, listen.address, listen.port);
  listen.access_log = config.access_log;
  listen.web_root = config.web_root;
  listen.network_threads = config.network_threads;
  listen.reads_in_fibers = !config.database_url.empty();
  // On PostgreSQL every write runs on a blocking thread holding a pooled connection (reads run in
  // fibers on the network threads): as many threads as connections (a thread without one would
  // only wait for one). Few: more
  // connections than cores mostly wait inside PostgreSQL, and concurrent SERIALIZABLE units
  // cancel each other more (measured in docs/scaling.md).
  const int database_connections =
      config.database_connections > 0
          ? config.database_connections
          : std::max(8, 4 * static_cast<int>(std::thread::hardware_concurrency()));
  if (!config.database_url.empty()) listen.blocking_threads = database_connections;
  listen.max_connections_per_address = config.max_connections_per_address;
  listen.max_connections = std::min(config.max_connections, connection_room());
  if (listen.max_connections < config.max_connections) {
    spdlog::warn("at most {} connections: the limit on open files allows no more",
                 listen.max_connections);
  }

  app::Limits limits;
  limits.max_attachment_bytes = config.max_upload_bytes;
  limits.auto_close_after_days = config.auto_close_days;
  Runtime rt({config.data_dir, config.database_url, config.attachments_dir}, limits,
             database_connections);
  ensure_admin(*rt.ctx, config);

  app::ChatSettings chat_settings;
  chat_settings.max_chats_per_agent = std::max(1, config.chat_max_per_agent);
  chat_settings.reoffer_after_seconds = std::max(5, config.chat_reoffer_seconds);
  http::Services services(*rt.ctx, chat_settings);
  services.settings.widget_origins = config.chat_widget_origins;
  services.settings.chat_starts_per_address = config.chat_starts_per_address;
  services.settings.max_json_bytes = config.max_json_bytes;
  services.settings.max_upload_bytes = config.max_upload_bytes;
  services.settings.secure_cookies = config.secure_cookies;
  services.settings.trusted_proxies = http::TrustedProxies::parse(config.trusted_proxies);
  services.settings.metrics_token = config.metrics_token;
  const channels::email::ParseOptions mail_parsing{
      std::chrono::milliseconds(config.mail_parse_budget_ms), config.mail_authserv_id};
  services.settings.mail_parsing = mail_parsing;
  http::Router router(http::api_routes());
  http::Server server(router, services, listen);
  unsigned short port = server.listen();
  // Jobs over shared data run on one instance at a time; token use is each instance's own.
  jobs::Scheduler auto_close(
      "auto-close", jobs::on_one_instance(*rt.db, "auto-close", jobs::auto_close_job(*rt.ctx)),
      std::chrono::minutes(10));
  auto_close.start();
  jobs::Scheduler chat_reoffer(
      "chat re-offer",
      jobs::on_one_instance(*rt.db, "chat re-offer", jobs::chat_reoffer_job(services.chats)),
      std::chrono::seconds(5));
  chat_reoffer.start();
  jobs::Scheduler promise_reminders(
      "promises", jobs::on_one_instance(*rt.db, "promises", jobs::promise_job(services.promises)),
      std::chrono::seconds(std::max(1, config.promise_check_seconds)));
  promise_reminders.start();

  channels::email::SmtpSettings smtp{config.smtp_url,
                                     config.smtp_username,
                                     config.smtp_password,
                                     config.smtp_require_tls,
                                     "",
                                     "",
                                     60};
  auto outbound = outbound_settings(config);
  outbound.public_url = config.public_url.empty()
                            ? "http://" + listen.address + ":" + std::to_string(port)
                            : config.public_url;
  services.invitations.configure({outbound.public_url, outbound, 7});
  jobs::Scheduler token_use("token use", jobs::token_use_job(services.auth),
                            std::chrono::seconds(5));
  token_use.start();
  smtp.from_name = outbound.from_name;
  smtp.from_address = outbound.from_address;
  app::MailOutbox outbox(*rt.ctx, outbound);
  jobs::MailDispatcher dispatcher(
      outbox, [&smtp](const core::OutboundMail& m) { return channels::email::send_mail(smtp, m); },
      std::chrono::seconds(1));
  if (!config.smtp_url.empty()) {
    if (auto started = outbox.start_at_head_if_new(); !started) {
      throw std::runtime_error("mail: " + started.error().message);
    }
    dispatcher.start();
    spdlog::info("mail: sending through {} as {}", config.smtp_url, smtp.from_address);
  }
  // Morning reports are queued only when mail can go out (else they would wait unsent).
  jobs::Scheduler morning_reports(
      "morning reports",
      jobs::on_one_instance(
          *rt.db, "morning reports",
          jobs::morning_report_job(services.reports, config.morning_report_hour, outbound)),
      std::chrono::seconds(std::max(1, config.morning_report_check_seconds)));
  if (!config.smtp_url.empty() && config.morning_report_hour >= 0) morning_reports.start();
  channels::email::ImapSettings imap_settings{
      config.imap_url,
      config.imap_username,
      config.imap_password,
      config.imap_require_tls,
      config.imap_move_to,
      std::chrono::seconds(std::max(1, config.imap_poll_seconds)),
      60};
  imap_settings.parsing = mail_parsing;
  channels::email::ImapPoller imap_poller(services.mail, *rt.db, imap_settings);
  if (!config.imap_url.empty()) {
    imap_poller.start();
    spdlog::info("mail: polling {} every {} s", config.imap_url, config.imap_poll_seconds);
  }
  // The URL is not printed: it may hold a password.
  const std::string attachments =
      !config.attachments_dir.empty() ? "attachments in " + config.attachments_dir
      : config.database_url.empty()   ? "attachments in " + config.data_dir + "/attachments"
                                      : "attachments in the database";
  std::cout << "Frontline is listening on http://" << listen.address << ":" << port << "/ ("
            << (config.database_url.empty() ? "data in " + config.data_dir : "PostgreSQL") << "; "
            << attachments << ")" << std::endl;
  server.run();
  imap_poller.stop();
  morning_reports.stop();
  dispatcher.stop();
  chat_reoffer.stop();
  promise_reminders.stop();
  token_use.stop();
  auto_close.stop();
  if (auto written = services.auth.flush_token_use(); !written) {
    spdlog::warn("recording token use failed: {}", written.error().message);
  }
  spdlog::info("stopped");
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto flags = std::make_shared<ServeFlags>();
  auto* cmd = app.add_subcommand("serve", "Serve the help desk over HTTP");
  cmd->add_option("--config", flags->config_path, "TOML configuration file");
  cmd->add_option("--data", flags->data_dir, "Data folder (database, attachments)");
  cmd->add_option("--database", flags->database_url,
                  "PostgreSQL URL (postgresql://USER@/DB?host=/socket/dir&port=N) instead of "
                  "SQLite in the data folder");
  cmd->add_option("--attachments-dir", flags->attachments_dir,
                  "Attachments in this folder (shared by every instance) instead of the data "
                  "folder (SQLite) or the database (PostgreSQL)");
  cmd->add_option("--listen", flags->listen, "HOST:PORT to listen on (port 0: any free port)");
  cmd->add_option("--web-root", flags->web_root, "Folder of the built web app");
  cmd->callback([flags] { serve(*flags); });
}

}  // namespace frontline::cli
