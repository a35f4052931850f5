// Static files for the web app (see header). Paths with ".." or NUL never leave web_root.
#include "http/static_files.hpp"

#include <filesystem>

#include "http/problem.hpp"

namespace frontline::http {
namespace {

std::string content_type_for(const std::string& path) {
  auto ext = std::filesystem::path(path).extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

// The app loads only its own scripts and talks only to this server (the API and the live
// feed: 'self' covers ws:// of the same host); no framing (clickjacking) — except the chat
// widget's page, which the allowed origins' pages frame.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors ";

Response file(const std::string& path, bool immutable,
              const std::vector<std::string>* framed_by = nullptr) {
  Response r;
  r.content_type = content_type_for(path);
  r.file_path = path;
  r.header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  r.header("X-Content-Type-Options", "nosniff");
  if (r.content_type.rfind("text/html", 0) == 0) {
    std::string ancestors = framed_by ? "'self'" : "'none'";
    if (framed_by) {
      for (const auto& origin : *framed_by) ancestors += " " + origin;
    }
    r.header("Content-Security-Policy", kContentSecurityPolicy + ancestors);
    if (!framed_by) r.header("X-Frame-Options", "DENY");
    r.header("Referrer-Policy", "same-origin");
  }
  return r;
}

}  // namespace

Response serve_static(const std::string& web_root, const std::string& path,
                      const std::vector<std::string>& widget_origins) {
  namespace fs = std::filesystem;
  if (path.find("..") != std::string::npos || path.find('\0') != std::string::npos ||
      path.rfind("/api/", 0) == 0) {
    return problem(core::Errc::not_found, "no such resource: " + path);
  }
  std::error_code ec;
  std::string candidate = web_root + path;
  if (path != "/" && fs::is_regular_file(candidate, ec)) {
    if (path == "/widget.html") return file(candidate, false, &widget_origins);
    return file(candidate, path.rfind("/assets/", 0) == 0);
  }
  std::string index = web_root + "/index.html";
  if (fs::is_regular_file(index, ec)) return file(index, false);
  return problem(core::Errc::not_found, "no such resource: " + path);
}

}  // namespace frontline::http
