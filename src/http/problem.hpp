// The one place that maps app errors (core::Errc) to HTTP statuses and problem+json bodies.
#pragma once

#include "core/result.hpp"
#include "http/request.hpp"

namespace frontline::http {

unsigned http_status(core::Errc code);
Response problem(const core::Error& error);
Response problem(core::Errc code, std::string message);

}  // namespace frontline::http
