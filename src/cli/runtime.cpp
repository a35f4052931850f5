// Opening the store (see header).
#include "cli/runtime.hpp"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>

#include "app/credentials.hpp"
#include "store/file_blob_store.hpp"
#include "store/postgres/open_postgres.hpp"
#include "store/sqlite/open_sqlite.hpp"

namespace frontline::cli {

void add_store_options(CLI::App* cmd, StoreLocation& where) {
  cmd->add_option("--data", where.data_dir, "Data folder (SQLite database, attachments)");
  cmd->add_option("--database", where.database_url,
                  "PostgreSQL URL (postgresql://USER@/DB?host=/socket/dir&port=N) instead of "
                  "SQLite in the data folder; also FRONTLINE_DATABASE_URL");
  cmd->add_option("--attachments-dir", where.attachments_dir,
                  "Attachments in this folder (shared by every instance) instead of the data "
                  "folder (SQLite) or the database (PostgreSQL); also FRONTLINE_ATTACHMENTS_DIR");
}

namespace {
std::string flag_or_env(const std::string& flag, const char* variable) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv(variable);
  return env ? env : "";
}
}  // namespace

std::string database_url_of(const StoreLocation& where) {
  return flag_or_env(where.database_url, "FRONTLINE_DATABASE_URL");
}

std::string attachments_dir_of(const StoreLocation& where) {
  return flag_or_env(where.attachments_dir, "FRONTLINE_ATTACHMENTS_DIR");
}

Runtime::Runtime(const StoreLocation& where, app::Limits limits, int database_connections) {
  app::init_crypto();
  std::filesystem::create_directories(where.data_dir);
  const std::string url = database_url_of(where);
  if (url.empty()) {
    store::DatabaseOptions options;
    options.path = where.data_dir + "/frontline.db";
    db = store::open_sqlite(options);
  } else {
    store::PostgresOptions options{url};
    if (database_connections > 0) options.max_connections = database_connections;
    db = store::open_postgres(options);
  }
  const std::string attachments = attachments_dir_of(where);
  if (!attachments.empty()) {
    blobs = std::make_unique<store::FileBlobStore>(attachments);
  } else if (url.empty()) {
    blobs = std::make_unique<store::FileBlobStore>(where.data_dir + "/attachments");
  } else {
    blobs = store::open_postgres_blobs(*db);
  }
  ctx = std::make_unique<app::Context>(app::Context{*db, *blobs, clock, limits});
}

}  // namespace frontline::cli
