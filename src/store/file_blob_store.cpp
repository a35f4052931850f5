// Blobs as files (see header), and the blob naming shared by every BlobStore.
#include "store/file_blob_store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/store_error.hpp"

namespace frontline::store {
namespace {

// A failed write names the file; ENOSPC and EDQUOT say the disk is full.
StoreError io_error(const std::string& what, int err) {
  const bool full = err == ENOSPC || err == EDQUOT;
  return StoreError(what + ": " + std::strerror(err),
                    full ? StoreError::Kind::disk_full : StoreError::Kind::unavailable);
}

// Writes and syncs a new file; on failure removes what was written (a full disk must not
// keep the half-written attempt) and throws.
void write_all_and_sync(const std::string& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  if (fd < 0) throw io_error("cannot create " + path, errno);
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) {
      const int err = n == 0 ? ENOSPC : errno;
      ::close(fd);
      ::unlink(path.c_str());
      throw io_error("cannot write " + path, err);
    }
    written += static_cast<std::size_t>(n);
  }
  const int err = ::fsync(fd) == 0 ? 0 : errno;
  ::close(fd);
  if (err != 0) {
    ::unlink(path.c_str());
    throw io_error("cannot sync " + path, err);
  }
}

void sync_directory(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw StoreError("cannot open " + dir);
  bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) throw StoreError("cannot sync " + dir);
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool is_sha256_hex(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

FileBlobStore::FileBlobStore(std::string root) : root_(std::move(root)) {
  std::filesystem::create_directories(root_);
}

std::string FileBlobStore::path_for(std::string_view sha256) const {
  return root_ + "/" + std::string(sha256.substr(0, 2)) + "/" + std::string(sha256);
}

std::string FileBlobStore::put(std::string_view bytes) {
  std::string sha = sha256_hex(bytes);
  std::string path = path_for(sha);
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return sha;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  if (ec) throw io_error("cannot create the folder of blob " + sha, ec.value());
  static std::atomic<unsigned> counter{0};
  std::string tmp = path + ".tmp" + std::to_string(::getpid()) + "." + std::to_string(++counter);
  write_all_and_sync(tmp, bytes);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw io_error("cannot store blob " + sha, err);
  }
  // The rename is durable only once its directory is: the row that names this blob commits
  // right after, and must never outlive the file.
  sync_directory(std::filesystem::path(path).parent_path().string());
  sync_directory(root_);
  return sha;
}

std::optional<std::string> FileBlobStore::get(std::string_view sha256) const {
  if (!is_sha256_hex(sha256)) return std::nullopt;
  std::ifstream in(path_for(sha256), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return std::move(out).str();
}

}  // namespace frontline::store
