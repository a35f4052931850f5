// GET /api/v1/attachments/{id} — the file with its stored content type, always as a download
// (Content-Disposition: attachment, a sandbox CSP), so an uploaded HTML file never runs in our
// origin. attachment_download answers the same way for chat files.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"

namespace frontline::http::handlers {
namespace {

// RFC 6266 filename*: percent-encode everything but unreserved characters.
std::string disposition(const std::string& filename) {
  std::string ascii, encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : filename) {
    bool unreserved = std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
    ascii += unreserved ? static_cast<char>(c) : '_';
    if (unreserved) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0xf];
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace

Response attachment_get(Request& req, Services& s) {
  auto id = path_id(req);
  if (!id) return no_such("attachment");
  auto content = s.tickets.attachment(req.caller(), *id);
  if (!content) return problem(content.error());
  return attachment_download(std::move(*content));
}

Response attachment_download(app::AttachmentContent content) {
  Response res;
  res.content_type = content.meta.content_type;
  res.body = std::move(content.bytes);
  res.header("Content-Disposition", disposition(content.meta.filename));
  res.header("X-Content-Type-Options", "nosniff");
  res.header("Content-Security-Policy", "sandbox");
  return res;
}

}  // namespace frontline::http::handlers
