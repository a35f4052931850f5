// What every subcommand opens: the database (SQLite under the data folder, or PostgreSQL when a
// URL is given), the attachment store under the data folder, the clock and the app Context.
#pragma once

#include <memory>
#include <string>

#include "app/clock.hpp"
#include "app/context.hpp"

namespace CLI {
class App;
}

namespace frontline::cli {

// Where a command finds its data: --data DIR (SQLite and attachments), --database URL
// (PostgreSQL; also FRONTLINE_DATABASE_URL), --attachments-dir DIR (also
// FRONTLINE_ATTACHMENTS_DIR).
struct StoreLocation {
  std::string data_dir = "./data";
  std::string database_url;
  std::string attachments_dir;
};

// The PostgreSQL URL: --database, else FRONTLINE_DATABASE_URL, else empty (SQLite).
std::string database_url_of(const StoreLocation& where);
// The attachments folder: --attachments-dir, else FRONTLINE_ATTACHMENTS_DIR, else empty (the
// engine's own place: DATA/attachments on SQLite, the database on PostgreSQL).
std::string attachments_dir_of(const StoreLocation& where);

// Adds --data, --database and --attachments-dir to cmd, writing into where.
void add_store_options(CLI::App* cmd, StoreLocation& where);

struct Runtime {
  // database_connections: PostgreSQL's pool size (0: the engine's default).
  explicit Runtime(const StoreLocation& where, app::Limits limits = {},
                   int database_connections = 0);
  std::unique_ptr<store::Database> db;
  std::unique_ptr<store::BlobStore> blobs;
  app::SystemClock clock;
  std::unique_ptr<app::Context> ctx;
};

}  // namespace frontline::cli
