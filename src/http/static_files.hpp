// Serves the built web app from a folder: hashed assets under /assets/ cached forever,
// index.html never cached, and unknown paths falling back to index.html (client-side routes).
#pragma once

#include <string>
#include <vector>

#include "http/request.hpp"

namespace frontline::http {

// /widget.html (the chat widget's page) may be framed by widget_origins' pages.
Response serve_static(const std::string& web_root, const std::string& path,
                      const std::vector<std::string>& widget_origins = {});

}  // namespace frontline::http
