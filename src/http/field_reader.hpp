// Strict reading of one JSON request body, shared by the request decoders: FieldReader walks
// one object; each read marks its key as known; finish() reports the first problem, including any
// key nobody read. decode() parses a body and runs a reader over it. Only decoder files include
// this (Boost.JSON stays in the codecs). Thread-compatible.
#pragma once

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/result.hpp"

namespace frontline::http::decoding {
namespace json = boost::json;
using core::Errc;
using core::Error;
using core::make_error;
using core::Result;

inline Result<json::object> parse_object(std::string_view body) {
  if (body.empty()) return make_error(Errc::bad_input, "request body is empty; send a JSON object");
  boost::system::error_code ec;
  json::parse_options opts;
  opts.max_depth = 32;
  json::value v = json::parse(body, ec, {}, opts);
  if (ec) return make_error(Errc::bad_input, "malformed JSON: " + ec.message());
  if (!v.is_object()) return make_error(Errc::bad_input, "request body must be a JSON object");
  return std::move(v.as_object());
}

class FieldReader {
 public:
  // The raw value of key, for shapes the typed reads do not cover (marks it known).
  const json::value* raw(const char* key) { return find(key, false); }

  explicit FieldReader(const json::object& o) : o_(o) {}

  std::optional<std::string> string(const char* key, bool required = false) {
    auto* v = find(key, required);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_string()) return type_error(key, "must be a string"), std::nullopt;
    if (has_nul(v->as_string())) return nul_error(key), std::nullopt;
    return std::string(v->as_string());
  }

  std::optional<bool> boolean(const char* key) {
    auto* v = find(key, false);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_bool()) return type_error(key, "must be true or false"), std::nullopt;
    return v->as_bool();
  }

  // Absent: nullopt. null: an inner nullopt (clears the field). Number: the id.
  std::optional<std::optional<core::Id>> nullable_id(const char* key) {
    auto* v = find(key, false);
    if (!v) return std::nullopt;
    if (v->is_null()) return std::optional<core::Id>();
    if (v->is_int64() && v->as_int64() > 0) return std::optional<core::Id>(v->as_int64());
    if (v->is_uint64() && v->as_uint64() <= INT64_MAX && v->as_uint64() > 0) {
      return std::optional<core::Id>(static_cast<core::Id>(v->as_uint64()));
    }
    return type_error(key, "must be a positive integer id or null"), std::nullopt;
  }

  std::optional<core::Id> id(const char* key, bool required) {
    auto v = nullable_id(key);
    if (!v) {
      if (required && !error_) missing(key);
      return std::nullopt;
    }
    if (!*v) return type_error(key, "must be a positive integer id"), std::nullopt;
    return **v;
  }

  // A whole number (no fraction); the caller checks its range.
  std::optional<std::int64_t> integer(const char* key) {
    auto* v = find(key, false);
    if (!v || v->is_null()) return std::nullopt;
    if (v->is_int64()) return v->as_int64();
    return type_error(key, "must be a whole number"), std::nullopt;
  }

  std::optional<std::vector<std::string>> strings(const char* key) {
    auto* v = find(key, false);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_array()) return type_error(key, "must be an array of strings"), std::nullopt;
    std::vector<std::string> out;
    for (const auto& item : v->as_array()) {
      if (!item.is_string()) return type_error(key, "must be an array of strings"), std::nullopt;
      if (has_nul(item.as_string())) return nul_error(key), std::nullopt;
      out.emplace_back(item.as_string());
    }
    return out;
  }

  std::optional<std::vector<core::Id>> ids(const char* key) {
    auto* v = find(key, false);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_array()) return type_error(key, "must be an array of ids"), std::nullopt;
    std::vector<core::Id> out;
    for (const auto& item : v->as_array()) {
      if (!item.is_int64() || item.as_int64() <= 0) {
        return type_error(key, "must be an array of positive integer ids"), std::nullopt;
      }
      out.push_back(item.as_int64());
    }
    return out;
  }

  // A nested object (read with a FieldReader of its own), or nullptr when absent or null.
  const json::object* object(const char* key) {
    auto* v = find(key, false);
    if (!v || v->is_null()) return nullptr;
    if (!v->is_object()) return type_error(key, "must be an object"), nullptr;
    return &v->as_object();
  }

  // Hands a nested reader's first problem on as this reader's.
  void adopt(Result<core::Unit> nested) {
    if (!nested && !error_) error_ = nested.error();
  }

  // A string that must be one of an enum's names.
  template <typename E, typename Parse>
  std::optional<E> choice(const char* key, Parse parse, const char* allowed) {
    auto s = string(key);
    if (!s) return std::nullopt;
    auto v = parse(*s);
    if (!v) type_error(key, std::string("must be one of ") + allowed);
    return v;
  }

  // Text has no use for NUL (\u0000), and not every engine can store one.
  static bool has_nul(const json::string& s) {
    return std::string_view(s).find('\0') != std::string_view::npos;
  }
  void nul_error(const char* key) {
    type_error(key, "must not contain the NUL character (\\u0000)");
  }

  void type_error(const char* key, std::string message) {
    if (error_) return;
    error_ = make_error(Errc::bad_input, std::string(key) + " " + message, {{key, message}});
  }

  Result<core::Unit> finish() {
    if (error_) return *error_;
    for (const auto& kv : o_) {
      std::string key(kv.key());
      if (!known_.count(key)) {
        return make_error(Errc::bad_input, "unknown field \"" + key + "\"",
                          {{key, "unknown field"}});
      }
    }
    return core::Unit{};
  }

 private:
  const json::value* find(const char* key, bool required) {
    known_.insert(key);
    auto* v = o_.if_contains(key);
    if (!v && required) missing(key);
    return v;
  }
  void missing(const char* key) {
    if (!error_)
      error_ =
          make_error(Errc::bad_input, std::string(key) + " is required", {{key, "is required"}});
  }

  const json::object& o_;
  std::set<std::string> known_;
  std::optional<Error> error_;
};

// Parses body, runs read(FieldReader&) -> T, and checks for unknown fields and type errors.
template <typename T, typename Read>
Result<T> decode(std::string_view body, Read&& read) {
  auto obj = parse_object(body);
  if (!obj) return obj.take_error();
  FieldReader r(*obj);
  T out = read(r);
  if (auto done = r.finish(); !done) return done.take_error();
  return out;
}

}  // namespace frontline::http::decoding
