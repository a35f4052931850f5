// Attachment bytes in PostgreSQL's blobs table (see open_postgres.hpp): each put is its own
// write unit, committed (and so durable) before the caller writes the row that names the blob.
#include <stdexcept>

#include "store/postgres/open_postgres.hpp"
#include "store/postgres/pg_tx.hpp"

namespace frontline::store {
namespace {

postgres::Connection& connection_of(Tx& tx) {
  auto* pg = dynamic_cast<postgres::PgTx*>(&tx);
  if (!pg) throw std::logic_error("open_postgres_blobs needs a database from open_postgres");
  return pg->connection();
}

class PgBlobStore final : public BlobStore {
 public:
  explicit PgBlobStore(Database& db) : db_(db) {}

  std::string put(std::string_view bytes) override {
    std::string sha = sha256_hex(bytes);
    db_.write([&](Tx& tx) {
      // The same bytes uploaded twice (or by two instances at once) are stored once.
      connection_of(tx)
          .prepare(
              "INSERT INTO blobs (sha256, bytes, created_at) "
              "VALUES ($1, $2, extract(epoch FROM now())::bigint) ON CONFLICT (sha256) DO NOTHING")
          .bind(1, sha)
          .bind_bytes(2, bytes)
          .run();
      return true;
    });
    return sha;
  }

  std::optional<std::string> get(std::string_view sha256) const override {
    if (!is_sha256_hex(sha256)) return std::nullopt;
    std::optional<std::string> found;
    db_.read([&](Tx& tx) {
      auto s = connection_of(tx).prepare("SELECT bytes FROM blobs WHERE sha256 = $1");
      s.bind(1, sha256);
      if (s.step()) found = s.bytes(0);
    });
    return found;
  }

 private:
  Database& db_;
};

}  // namespace

std::unique_ptr<BlobStore> open_postgres_blobs(Database& db) {
  return std::make_unique<PgBlobStore>(db);
}

}  // namespace frontline::store
