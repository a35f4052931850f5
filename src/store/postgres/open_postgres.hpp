// Opening the PostgreSQL engine: the one PostgreSQL name the composition root (cli) and the
// tests use; everything else sees only store::Database.
#pragma once

#include <memory>
#include <string>

#include "store/blob_store.hpp"
#include "store/database.hpp"

namespace frontline::store {

struct PostgresOptions {
  std::string url;  // postgresql://USER@/DB?host=/socket/dir&port=N (or key=value)
  // The pool: each read and write unit holds one; as many as the server's blocking threads,
  // which run every request on PostgreSQL (serve sets both from database_connections).
  int max_connections = 8;
  int max_write_attempts = 30;  // a unit meeting a serialization failure or deadlock runs again
};

// Connects, migrates under an advisory lock (one instance migrates; the others wait and find
// the schema current), and returns the database. Throws StoreError (unavailable) when the
// server cannot be reached.
std::unique_ptr<Database> open_postgres(const PostgresOptions& options);

// Attachment bytes in the database's blobs table, through db's connections (db must come from
// open_postgres and outlive the store).
std::unique_ptr<BlobStore> open_postgres_blobs(Database& db);

}  // namespace frontline::store
