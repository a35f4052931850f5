// Content-addressed files under the data folder (attachments): a blob's name is the SHA-256
// of its bytes, so the same file uploaded twice is stored once. Thread-safe: writes go to a
// unique temporary file, are fsynced, then renamed into place.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace frontline::store {

class BlobStore {
 public:
  explicit BlobStore(std::string root);

  // Stores bytes durably; returns the hex SHA-256 naming them. Throws StoreError on I/O failure.
  std::string put(std::string_view bytes);
  // The bytes stored under sha256, or nullopt when there is no such blob.
  std::optional<std::string> get(std::string_view sha256) const;

 private:
  std::string path_for(std::string_view sha256) const;
  std::string root_;
};

}  // namespace frontline::store
