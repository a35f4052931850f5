// How a storage engine fails, as the app layer needs to tell the cases apart. Every repository
// call may throw StoreError; the app layer maps its kind to an answer (app/store_failure).
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace frontline::store {

class StoreError : public std::runtime_error {
 public:
  enum class Kind {
    unavailable,  // the database failed: I/O error, corrupt file, connection lost
    disk_full,    // no space left; passes once space is freed
    busy,         // locked, a serialization failure or deadlock: the unit may be run again
    conflict,     // a unique key clash: the caller's input names something that exists
    not_found,    // a row the call needs is gone (e.g. a foreign key to a deleted row)
  };
  explicit StoreError(const std::string& what, Kind kind = Kind::unavailable,
                      std::string field = {})
      : std::runtime_error(what), kind_(kind), field_(std::move(field)) {}
  Kind kind() const { return kind_; }
  // For a conflict: the clashing field (a column name such as "email"), when the engine says.
  const std::string& field() const { return field_; }
  bool disk_full() const { return kind_ == Kind::disk_full; }
  // Worth running the same write unit again (after a rollback).
  bool retryable() const { return kind_ == Kind::busy; }

 private:
  Kind kind_;
  std::string field_;
};

}  // namespace frontline::store
