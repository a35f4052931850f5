// A Database that runs every write unit twice, the first run rolled back — what an engine does
// after a serialization failure or deadlock. A use case whose unit consumes its inputs (moves
// out of what it captures, appends to an outer result) or acts outside the transaction answers
// differently under it, so the app tests, which all run on it, catch such a unit.
#pragma once

#include <memory>
#include <string>
#include <utility>

#include "store/database.hpp"

namespace frontline::testing {

class RerunningDatabase final : public store::Database {
 public:
  explicit RerunningDatabase(std::unique_ptr<store::Database> inner) : inner_(std::move(inner)) {}

  void read(const std::function<void(store::Tx&)>& fn) override { inner_->read(fn); }

  void write(const std::function<bool(store::Tx&)>& fn) override {
    inner_->write([&](store::Tx& tx) {
      fn(tx);
      return false;  // rolled back, as after an engine's abort
    });
    inner_->write(fn);
  }

  void backup_to(const std::string& path) override { inner_->backup_to(path); }

 private:
  std::unique_ptr<store::Database> inner_;
};

}  // namespace frontline::testing
