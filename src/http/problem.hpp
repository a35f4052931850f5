// The one place that maps app errors (core::Errc) to HTTP statuses and problem+json bodies.
#pragma once

#include "core/result.hpp"
#include "http/request.hpp"

namespace frontline::http {

unsigned http_status(core::Errc code);
Response problem(const core::Error& error);
Response problem(core::Errc code, std::string message);
// 405 with an Allow header listing the methods the path does accept.
Response method_not_allowed(const std::string& method, const std::string& allow);
// 415 for a body that is not of the one media type the endpoint reads.
Response unsupported_media_type(const std::string& expected);
// 426 for a plain request to an endpoint that needs a protocol upgrade (WebSocket).
Response upgrade_required(const std::string& protocol);

}  // namespace frontline::http
