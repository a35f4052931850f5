// The store boundary for PostgreSQL failures: a PgError becomes the StoreError the app layer
// understands (app/store_failure). The engine's Database catches PgError around every read and
// write unit and throws this instead; nothing above the engine sees a PgError.
#pragma once

#include <exception>

#include "store/postgres/connection.hpp"
#include "store/store_error.hpp"

namespace frontline::store::postgres {

inline StoreError::Kind store_kind(PgError::Kind kind) {
  switch (kind) {
    case PgError::Kind::disk_full:
      return StoreError::Kind::disk_full;
    case PgError::Kind::busy:
      return StoreError::Kind::busy;
    case PgError::Kind::conflict:
      return StoreError::Kind::conflict;
    case PgError::Kind::not_found:
      return StoreError::Kind::not_found;
    case PgError::Kind::unavailable:
      break;
  }
  return StoreError::Kind::unavailable;
}

inline StoreError to_store_error(const PgError& e) {
  return StoreError(e.what(), store_kind(e.kind()), e.field());
}

// Rethrows a unit's failure: a PgError as its StoreError, anything else as it was.
[[noreturn]] inline void rethrow_for_store(const std::exception_ptr& failed) {
  try {
    std::rethrow_exception(failed);
  } catch (const PgError& e) {
    throw to_store_error(e);
  }
}

}  // namespace frontline::store::postgres
