// Opening the store (see header).
#include "cli/runtime.hpp"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>

#include "app/credentials.hpp"
#include "store/postgres/open_postgres.hpp"
#include "store/sqlite/open_sqlite.hpp"

namespace frontline::cli {

void add_store_options(CLI::App* cmd, StoreLocation& where) {
  cmd->add_option("--data", where.data_dir, "Data folder (SQLite database, attachments)");
  cmd->add_option("--database", where.database_url,
                  "PostgreSQL URL (postgresql://USER@/DB?host=/socket/dir&port=N) instead of "
                  "SQLite in the data folder; also FRONTLINE_DATABASE_URL");
}

std::string database_url_of(const StoreLocation& where) {
  if (!where.database_url.empty()) return where.database_url;
  const char* env = std::getenv("FRONTLINE_DATABASE_URL");
  return env ? env : "";
}

Runtime::Runtime(const StoreLocation& where, app::Limits limits) {
  app::init_crypto();
  std::filesystem::create_directories(where.data_dir);
  const std::string url = database_url_of(where);
  if (url.empty()) {
    store::DatabaseOptions options;
    options.path = where.data_dir + "/frontline.db";
    db = store::open_sqlite(options);
  } else {
    db = store::open_postgres({url});
  }
  blobs = std::make_unique<store::BlobStore>(where.data_dir + "/attachments");
  ctx = std::make_unique<app::Context>(app::Context{*db, *blobs, clock, limits});
}

}  // namespace frontline::cli
