// Opening the embedded SQLite engine: the one SQLite name the composition root (cli) and the
// tests use; everything else sees only store::Database.
#pragma once

#include <memory>
#include <string>

#include "store/database.hpp"

namespace frontline::store {

struct DatabaseOptions {
  std::string path;     // the database file
  int max_batch = 256;  // write units per commit
};

// Opens (creating and migrating as needed) the embedded SQLite database.
std::unique_ptr<Database> open_sqlite(const DatabaseOptions& options);

}  // namespace frontline::store
