// What every subcommand opens: the database and attachment store under the data folder, the
// clock and the app Context over them.
#pragma once

#include <memory>
#include <string>

#include "app/clock.hpp"
#include "app/context.hpp"

namespace frontline::cli {

struct Runtime {
  explicit Runtime(const std::string& data_dir, app::Limits limits = {});
  std::unique_ptr<store::Database> db;
  std::unique_ptr<store::BlobStore> blobs;
  app::SystemClock clock;
  std::unique_ptr<app::Context> ctx;
};

}  // namespace frontline::cli
