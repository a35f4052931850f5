// Errors as values for the core and app layers: Result<T> holds a T or an Error
// (a transport-neutral code plus a human message naming the field or reason).
// Value type; no I/O. http/problem.cpp maps Errc to HTTP statuses.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace frontline::core {

enum class Errc {
  bad_input,        // malformed or wrongly typed request (400)
  unauthenticated,  // no identity (401)
  forbidden,        // identity known, action not allowed (403)
  not_found,        // missing, or not visible to the caller (404)
  conflict,         // clashes with the current state (409)
  gone,             // existed, and is no more (410: an expired link)
  stale,            // If-Match no longer matches (412)
  too_large,        // body or attachment over its limit (413)
  invalid,          // well-formed but breaks a rule (422)
  throttled,        // slow down (429)
  unavailable,      // try again later (503)
  internal,         // a bug or an unexpected store failure (500)
};

struct FieldError {
  std::string field;
  std::string message;
};

struct Error {
  Errc code = Errc::internal;
  std::string message;
  std::vector<FieldError> fields;
  long retry_after_seconds = 0;  // > 0: when to try again (throttled, unavailable)
};

inline Error make_error(Errc code, std::string message, std::vector<FieldError> fields = {}) {
  return Error{code, std::move(message), std::move(fields)};
}

// Errc::invalid naming one field: "field: message".
inline Error invalid_field(std::string field, std::string message) {
  std::string text = field + ": " + message;
  return Error{Errc::invalid, std::move(text), {{std::move(field), std::move(message)}}};
}

// Errc::invalid naming one field, where people read `sentence` (the detail: plain words, units
// people use, what to do) and programs the field's own short message.
inline Error invalid_field(std::string field, std::string message, std::string sentence) {
  return Error{Errc::invalid, std::move(sentence), {{std::move(field), std::move(message)}}};
}

// Result<T>: either a value or an Error. Deliberately tiny (std::expected arrives in C++23).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : data_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(data_); }
  const T& value() const& { return std::get<0>(data_); }
  T&& value() && { return std::get<0>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const { return std::get<1>(data_); }
  Error&& take_error() { return std::get<1>(std::move(data_)); }

 private:
  std::variant<T, Error> data_;
};

struct Unit {};
using Done = Result<Unit>;
inline Done done() { return Unit{}; }

}  // namespace frontline::core
