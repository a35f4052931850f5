// GET /healthz (the database answers) and GET /metrics (Prometheus text: the requests, and the
// orphan services of the directory).
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/metrics.hpp"

namespace frontline::http::handlers {
namespace {

// Compares in time that depends only on the lengths, not on where the first difference is.
bool same_secret(std::string_view given, std::string_view expected) {
  if (given.size() != expected.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < given.size(); ++i) {
    diff |= static_cast<unsigned char>(given[i] ^ expected[i]);
  }
  return diff == 0;
}

}  // namespace

Response healthz_get(Request& req, Services& s) {
  try {
    s.ctx.db.read([](store::Tx& tx) { tx.events().consumer_cursor("healthz"); });
  } catch (const std::exception&) {
    return problem(core::Errc::unavailable, "the database is not answering");
  }
  return Response::json(200, R"({"status":"ok"})");
}

// Opt-in: request counts and latencies tell an outsider what the help desk is doing, so
// /metrics answers only with `Authorization: Bearer <metrics_token>`, and not at all without one.
Response metrics_get(Request& req, Services& s) {
  const std::string& token = s.settings.metrics_token;
  if (token.empty()) {
    return problem(core::Errc::not_found, "metrics are off; set metrics_token to turn them on");
  }
  if (!same_secret(req.authorization, "Bearer " + token)) {
    Response denied =
        problem(core::Errc::unauthenticated, "send the metrics token as a bearer token");
    denied.header("WWW-Authenticate", "Bearer realm=\"metrics\"");
    return denied;
  }
  Response r;
  r.content_type = "text/plain; version=0.0.4";
  r.body = s.metrics ? s.metrics->prometheus_text() : std::string();
  // Read at scrape time: the directory is hundreds of services, and a scrape a minute is cheap.
  if (auto orphans = s.directory.orphan_count()) {
    r.body +=
        "# HELP frontline_orphan_services Services in the directory nobody can be reached for.\n"
        "# TYPE frontline_orphan_services gauge\n"
        "frontline_orphan_services " +
        std::to_string(*orphans) + "\n";
  }
  return r;
}

}  // namespace frontline::http::handlers
