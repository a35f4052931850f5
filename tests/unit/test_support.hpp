// Shared fixtures for unit tests: a fresh data folder on disk with a real SQLite database (whose
// write units all run twice), a fixed clock, and an app Context over them.
#pragma once

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "app/accounts.hpp"
#include "app/clock.hpp"
#include "app/context.hpp"
#include "app/credentials.hpp"
#include "rerunning_database.hpp"
#include "store/file_blob_store.hpp"
#include "store/sqlite/open_sqlite.hpp"

namespace frontline::testing {

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("frontline-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// A real SQLite database and blob store in a temp folder, with a FixedClock.
struct TestApp {
  TestApp() : clock(1'790'000'000) {
    app::init_crypto();
    // Every write unit runs twice (see rerunning_database.hpp): units must be re-runnable.
    db = std::make_unique<RerunningDatabase>(store::open_sqlite({dir.path() + "/frontline.db"}));
    blobs = std::make_unique<store::FileBlobStore>(dir.path() + "/attachments");
    ctx = std::make_unique<app::Context>(app::Context{*db, *blobs, clock, {}});
  }

  core::Actor make_user(const std::string& email, core::Role role,
                        std::optional<std::string> org = std::nullopt) {
    app::Accounts accounts(*ctx);
    auto u = accounts.create_user(app::system_actor(),
                                  {email, email.substr(0, email.find('@')), role, "", org, "UTC"});
    if (!u) throw std::runtime_error(u.error().message);
    std::optional<core::Actor> actor;
    db->read([&](store::Tx& tx) { actor = tx.accounts().actor_by_user_id(u->id); });
    return *actor;
  }

  TempDir dir;
  app::FixedClock clock;
  std::unique_ptr<store::Database> db;
  std::unique_ptr<store::BlobStore> blobs;
  std::unique_ptr<app::Context> ctx;
};

}  // namespace frontline::testing
