// Serves the built web app from a folder: hashed assets under /assets/ cached forever,
// index.html never cached, and unknown paths falling back to index.html (client-side routes).
#pragma once

#include <string>

#include "http/request.hpp"

namespace frontline::http {

Response serve_static(const std::string& web_root, const std::string& path);

}  // namespace frontline::http
