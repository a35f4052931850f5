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
// (PostgreSQL; also FRONTLINE_DATABASE_URL).
struct StoreLocation {
  std::string data_dir = "./data";
  std::string database_url;
};

// The PostgreSQL URL: --database, else FRONTLINE_DATABASE_URL, else empty (SQLite).
std::string database_url_of(const StoreLocation& where);

// Adds --data and --database to cmd, writing into where.
void add_store_options(CLI::App* cmd, StoreLocation& where);

struct Runtime {
  explicit Runtime(const StoreLocation& where, app::Limits limits = {});
  std::unique_ptr<store::Database> db;
  std::unique_ptr<store::BlobStore> blobs;
  app::SystemClock clock;
  std::unique_ptr<app::Context> ctx;
};

}  // namespace frontline::cli
