// frontline admin: user creation, API tokens, password resets, online backup, auto-close.
#include <CLI/CLI.hpp>
#include <iostream>

#include "app/accounts.hpp"
#include "app/auth.hpp"
#include "app/ticket_jobs.hpp"
#include "cli/commands.hpp"
#include "cli/runtime.hpp"

namespace frontline::cli {
namespace {

struct AdminFlags {
  StoreLocation where;
  std::string email;
  std::string name;
  std::string role = "customer";
  std::string password;
  std::string organization;
  std::string token_name = "cli";
  std::string backup_path;
  int auto_close_days = 7;
};

[[noreturn]] void fail(const core::Error& e) { throw std::runtime_error(e.message); }

void create_user(const AdminFlags& f) {
  auto role = core::parse_role(f.role);
  if (!role) throw std::runtime_error("--role must be customer, agent or admin");
  Runtime rt(f.where);
  app::Accounts accounts(*rt.ctx);
  app::NewUser u{
      f.email,    f.name.empty() ? f.email.substr(0, f.email.find('@')) : f.name,        *role,
      f.password, f.organization.empty() ? std::nullopt : std::optional(f.organization), "UTC"};
  auto created = accounts.create_user(app::system_actor(), u);
  if (!created) fail(created.error());
  std::cout << created->id << "\n";
}

void issue_token(const AdminFlags& f) {
  Runtime rt(f.where);
  app::Auth auth(*rt.ctx);
  auto token = auth.issue_token(app::system_actor(), f.email, f.token_name);
  if (!token) fail(token.error());
  std::cout << *token << std::endl;
}

void reset_password(const AdminFlags& f) {
  Runtime rt(f.where);
  app::Accounts accounts(*rt.ctx);
  auto done = accounts.set_password(app::system_actor(), f.email, f.password);
  if (!done) fail(done.error());
  std::cout << "password reset for " << f.email << "; their sessions ended\n";
}

void backup(const AdminFlags& f) {
  Runtime rt(f.where);
  rt.db->backup_to(f.backup_path);
  std::cout << "backup written to " << f.backup_path << "\n";
}

void auto_close(const AdminFlags& f) {
  app::Limits limits;
  limits.auto_close_after_days = f.auto_close_days;
  Runtime rt(f.where, limits);
  auto closed = app::auto_close_resolved(*rt.ctx);
  if (!closed) fail(closed.error());
  std::cout << *closed << "\n";
}

}  // namespace

void add_admin_commands(CLI::App& app) {
  auto f = std::make_shared<AdminFlags>();
  auto* admin = app.add_subcommand("admin", "Administration from the command line");
  admin->require_subcommand(1);

  auto* create = admin->add_subcommand("create-user", "Create a user");
  add_store_options(create, f->where);
  create->add_option("--email", f->email)->required();
  create->add_option("--name", f->name);
  create->add_option("--role", f->role, "customer, agent or admin");
  create->add_option("--password", f->password);
  create->add_option("--org", f->organization, "Organisation (created when new)");
  create->callback([f] { create_user(*f); });

  auto* token = admin->add_subcommand("issue-token", "Print a new API bearer token for a user");
  add_store_options(token, f->where);
  token->add_option("--email", f->email)->required();
  token->add_option("--name", f->token_name, "A label for the token");
  token->callback([f] { issue_token(*f); });

  auto* reset = admin->add_subcommand("reset-password", "Set a user's password");
  add_store_options(reset, f->where);
  reset->add_option("--email", f->email)->required();
  reset->add_option("--password", f->password)->required();
  reset->callback([f] { reset_password(*f); });

  auto* bk = admin->add_subcommand("backup", "Copy the live database (online backup)");
  add_store_options(bk, f->where);
  bk->add_option("--to", f->backup_path, "Backup file")->required();
  bk->callback([f] { backup(*f); });

  auto* ac = admin->add_subcommand("auto-close", "Close tickets resolved N days ago, now");
  add_store_options(ac, f->where);
  ac->add_option("--days", f->auto_close_days, "Days after resolution");
  ac->callback([f] { auto_close(*f); });

  add_migrate_to_postgres_command(*admin);
}

}  // namespace frontline::cli
