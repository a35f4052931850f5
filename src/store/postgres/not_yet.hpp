// While the PostgreSQL adapter is being written: a repository method that is not there yet
// fails loudly instead of answering wrongly.
#pragma once

#include <string>

#include "store/store_error.hpp"

namespace frontline::store::postgres {

inline StoreError not_yet(const std::string& method) {
  return StoreError("PostgreSQL: " + method + " is not implemented yet");
}

}  // namespace frontline::store::postgres
