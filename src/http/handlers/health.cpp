// GET /healthz (the database answers) and GET /metrics (Prometheus text).
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/metrics.hpp"

namespace frontline::http::handlers {

Response healthz_get(Request& req, Services& s) {
  try {
    s.ctx.db.read([](store::Tx& tx) { tx.consumer_cursor("healthz"); });
  } catch (const std::exception&) {
    return problem(core::Errc::unavailable, "the database is not answering");
  }
  return Response::json(200, R"({"status":"ok"})");
}

Response metrics_get(Request& req, Services& s) {
  Response r;
  r.content_type = "text/plain; version=0.0.4";
  r.body = s.metrics ? s.metrics->prometheus_text() : std::string();
  return r;
}

}  // namespace frontline::http::handlers
