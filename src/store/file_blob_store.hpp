// Blobs as files in a folder: ROOT/ab/abcdef… (two-character fan-out). Writes go to a unique
// temporary file, are fsynced, then renamed into place, so several processes may share the
// folder (instances behind a load balancer with `attachments_dir` on shared storage).
#pragma once

#include "store/blob_store.hpp"

namespace frontline::store {

class FileBlobStore final : public BlobStore {
 public:
  explicit FileBlobStore(std::string root);

  std::string put(std::string_view bytes) override;
  std::optional<std::string> get(std::string_view sha256) const override;

 private:
  std::string path_for(std::string_view sha256) const;
  std::string root_;
};

}  // namespace frontline::store
