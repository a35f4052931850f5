// What every use case needs: the database, the attachment blobs, the clock and the limits.
// Also the two helpers that run a use case's body in a read or write transaction and turn a
// database failure into an Error. Thread-safe (the pieces are).
#pragma once

#include <optional>
#include <utility>

#include "app/clock.hpp"
#include "core/result.hpp"
#include "store/blob_store.hpp"
#include "store/database.hpp"

namespace frontline::app {

struct Limits {
  std::size_t max_attachment_bytes = 25 * 1024 * 1024;
  int auto_close_after_days = 7;
  int session_days = 14;
};

struct Context {
  store::Database& db;
  store::BlobStore& blobs;
  const Clock& clock;
  Limits limits;
};

// The database's own message stays out of responses (it can name files and tables). A full
// disk says so: only the server's operator can free space, and nothing was saved meanwhile.
// A unique-key clash the use case did not foresee is the caller's input naming something that
// exists: 409 with the field, never 503.
inline core::Error store_failure(const store::StoreError& e) {
  if (e.kind() == store::StoreError::Kind::conflict) {
    const std::string field = e.field().empty() ? "value" : e.field();
    return core::make_error(core::Errc::conflict,
                            "that " + field + " is already in use: choose another",
                            {{field, "is already in use"}});
  }
  if (e.kind() == store::StoreError::Kind::not_found) {
    return core::make_error(core::Errc::conflict,
                            "something this change refers to was deleted meanwhile; reload and "
                            "try again");
  }
  if (e.disk_full()) {
    return core::make_error(core::Errc::unavailable,
                            "the disk is full: nothing was saved; try again once the server's "
                            "operator has freed space");
  }
  return core::make_error(core::Errc::unavailable,
                          "the database is unavailable; try again shortly");
}

// What every admin-only use case answers to anyone else.
inline core::Error admins_only() {
  return core::make_error(core::Errc::forbidden, "only an admin may do this");
}

// Runs body(tx) -> Result<T> in a read transaction (by db.read, or another way of reading).
template <typename T, typename Body>
core::Result<T> in_read(store::Database& db, Body&& body,
                        void (store::Database::*read)(const std::function<void(store::Tx&)>&) =
                            &store::Database::read) {
  std::optional<core::Result<T>> out;
  try {
    (db.*read)([&](store::Tx& tx) { out.emplace(body(tx)); });
  } catch (const store::StoreError& e) {
    return store_failure(e);
  }
  return std::move(*out);
}

// Runs body(tx) -> Result<T> in a write transaction; an Error rolls the unit back. Returns once
// the change is durable.
template <typename T, typename Body>
core::Result<T> in_write(store::Database& db, Body&& body) {
  std::optional<core::Result<T>> out;
  try {
    db.write([&](store::Tx& tx) {
      out.emplace(body(tx));
      return out->ok();
    });
  } catch (const store::StoreError& e) {
    return store_failure(e);
  }
  return std::move(*out);
}

}  // namespace frontline::app
