// Where attachment bytes live, content-addressed: a blob's name is the hex SHA-256 of its
// bytes, so the same file uploaded twice is stored once. Two places: files in a folder
// (FileBlobStore: SQLite's data folder, or `attachments_dir` shared by every instance) and
// PostgreSQL's blobs table (store/postgres/open_postgres.hpp), so instances keep no local
// state. Thread-safe. put() is durable when it returns: the row naming a blob commits after it
// and must never outlive its bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace frontline::store {

class BlobStore {
 public:
  virtual ~BlobStore() = default;
  // Stores bytes durably; returns the hex SHA-256 naming them. Throws StoreError on failure.
  virtual std::string put(std::string_view bytes) = 0;
  // The bytes stored under sha256, or nullopt when there is no such blob (or the name is not a
  // SHA-256 at all). Throws StoreError when the store cannot be read.
  virtual std::optional<std::string> get(std::string_view sha256) const = 0;
};

// The hex SHA-256 of bytes (a blob's name), and whether s has the shape of one.
std::string sha256_hex(std::string_view bytes);
bool is_sha256_hex(std::string_view s);

}  // namespace frontline::store
