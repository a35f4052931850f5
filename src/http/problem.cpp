// Errc → HTTP status and application/problem+json (RFC 9457).
#include "http/problem.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace frontline::http {
namespace {

const char* title(unsigned status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 426:
      return "Upgrade Required";
    case 429:
      return "Too Many Requests";
    case 503:
      return "Service Unavailable";
    default:
      return "Internal Server Error";
  }
}

const char* type_slug(core::Errc code) {
  switch (code) {
    case core::Errc::bad_input:
      return "bad-input";
    case core::Errc::unauthenticated:
      return "unauthenticated";
    case core::Errc::forbidden:
      return "forbidden";
    case core::Errc::not_found:
      return "not-found";
    case core::Errc::conflict:
      return "conflict";
    case core::Errc::gone:
      return "gone";
    case core::Errc::stale:
      return "stale";
    case core::Errc::too_large:
      return "too-large";
    case core::Errc::invalid:
      return "invalid";
    case core::Errc::throttled:
      return "throttled";
    case core::Errc::unavailable:
      return "unavailable";
    case core::Errc::internal:
      return "internal";
  }
  return "internal";
}

}  // namespace

unsigned http_status(core::Errc code) {
  switch (code) {
    case core::Errc::bad_input:
      return 400;
    case core::Errc::unauthenticated:
      return 401;
    case core::Errc::forbidden:
      return 403;
    case core::Errc::not_found:
      return 404;
    case core::Errc::conflict:
      return 409;
    case core::Errc::gone:
      return 410;
    case core::Errc::stale:
      return 412;
    case core::Errc::too_large:
      return 413;
    case core::Errc::invalid:
      return 422;
    case core::Errc::throttled:
      return 429;
    case core::Errc::unavailable:
      return 503;
    case core::Errc::internal:
      return 500;
  }
  return 500;
}

namespace {

// Unavailable is temporary by definition (a full disk, a busy database): when the error names
// no time, a 503 still says when to retry.
constexpr long kDefaultUnavailableRetrySeconds = 10;

Response problem_response(unsigned status, const char* slug, const core::Error& error) {
  boost::json::object body;
  body["type"] = std::string("https://frontline.invalid/problems/") + slug;
  body["title"] = title(status);
  body["status"] = status;
  body["detail"] = error.message;
  boost::json::array fields;
  for (const auto& f : error.fields) fields.push_back({{"field", f.field}, {"message", f.message}});
  body["errors"] = std::move(fields);
  Response r;
  r.status = status;
  r.content_type = "application/problem+json";
  r.body = boost::json::serialize(body);
  return r;
}

}  // namespace

Response problem(const core::Error& error) {
  const unsigned status = http_status(error.code);
  Response r = problem_response(status, type_slug(error.code), error);
  long retry_after = error.retry_after_seconds;
  if (retry_after <= 0 && status == 503) retry_after = kDefaultUnavailableRetrySeconds;
  if (retry_after > 0) r.header("Retry-After", std::to_string(retry_after));
  return r;
}

Response method_not_allowed(const std::string& method, const std::string& allow) {
  Response r =
      problem_response(405, "method-not-allowed",
                       core::make_error(core::Errc::bad_input,
                                        "method " + method + " is not allowed here; use " + allow));
  r.header("Allow", allow);
  return r;
}

Response unsupported_media_type(const std::string& expected) {
  Response r =
      problem_response(415, "unsupported-media-type",
                       core::make_error(core::Errc::bad_input, "send the body as " + expected,
                                        {{"Content-Type", "must be " + expected}}));
  r.header("Accept", expected);
  return r;
}

Response upgrade_required(const std::string& protocol) {
  Response r = problem_response(
      426, "upgrade-required",
      core::make_error(core::Errc::bad_input, "this endpoint speaks " + protocol + " only"));
  r.header("Upgrade", protocol);
  return r;
}

Response problem(core::Errc code, std::string message) {
  return problem(core::make_error(code, std::move(message)));
}

}  // namespace frontline::http
