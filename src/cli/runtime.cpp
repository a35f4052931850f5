// Opening the data folder (see header).
#include "cli/runtime.hpp"

#include <filesystem>

#include "app/credentials.hpp"
#include "store/sqlite/open_sqlite.hpp"

namespace frontline::cli {

Runtime::Runtime(const std::string& data_dir, app::Limits limits) {
  app::init_crypto();
  std::filesystem::create_directories(data_dir);
  store::DatabaseOptions options;
  options.path = data_dir + "/frontline.db";
  db = store::open_sqlite(options);
  blobs = std::make_unique<store::BlobStore>(data_dir + "/attachments");
  ctx = std::make_unique<app::Context>(app::Context{*db, *blobs, clock, limits});
}

}  // namespace frontline::cli
