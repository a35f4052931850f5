// SMTP sending (see header).
#include "channels/email/smtp_sender.hpp"

#include <curl/curl.h>

#include <cstring>

#include "channels/email/curl_support.hpp"
#include "channels/email/gmime_support.hpp"

namespace frontline::channels::email {
namespace {

std::string angle(const std::string& id) { return "<" + id + ">"; }

struct Upload {
  const std::string* text;
  std::size_t at = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t n, void* data) {
  auto& u = *static_cast<Upload*>(data);
  std::size_t len = std::min(size * n, u.text->size() - u.at);
  std::memcpy(buffer, u.text->data() + u.at, len);
  u.at += len;
  return len;
}

}  // namespace

std::string format_message(const SmtpSettings& s, const core::OutboundMail& m) {
  init_gmime();
  GPtr<GMimeMessage> msg(g_mime_message_new(TRUE));
  g_mime_message_add_mailbox(msg.get(), GMIME_ADDRESS_TYPE_FROM, s.from_name.c_str(),
                             s.from_address.c_str());
  // Replies come back to the help desk's own address (and thread onto the ticket by [#N] and
  // References) even where a relay rewrites From.
  g_mime_message_add_mailbox(msg.get(), GMIME_ADDRESS_TYPE_REPLY_TO, s.from_name.c_str(),
                             s.from_address.c_str());
  g_mime_message_add_mailbox(msg.get(), GMIME_ADDRESS_TYPE_TO, nullptr, m.recipient.c_str());
  g_mime_message_set_subject(msg.get(), m.subject.c_str(), "utf-8");
  g_mime_message_set_message_id(msg.get(), m.message_id.c_str());
  GDateTime* now = g_date_time_new_now_utc();
  g_mime_message_set_date(msg.get(), now);
  g_date_time_unref(now);
  GMimeObject* top = GMIME_OBJECT(msg.get());
  if (!m.in_reply_to.empty()) {
    g_mime_object_set_header(top, "In-Reply-To", angle(m.in_reply_to).c_str(), nullptr);
  }
  if (!m.references.empty()) {
    std::string refs;
    for (const auto& r : m.references) refs += (refs.empty() ? "" : " ") + angle(r);
    g_mime_object_set_header(top, "References", refs.c_str(), nullptr);
  }
  g_mime_object_set_header(top, "Auto-Submitted", m.auto_submitted.c_str(), nullptr);
  g_mime_object_set_header(top, "X-Frontline-Loop", "1", nullptr);
  if (m.ticket_number) {
    g_mime_object_set_header(top, "X-Frontline-Ticket", std::to_string(*m.ticket_number).c_str(),
                             nullptr);
  }
  GPtr<GMimeTextPart> body(g_mime_text_part_new_with_subtype("plain"));
  g_mime_text_part_set_text(body.get(), m.body.c_str());  // picks the charset and encoding
  if (m.html.empty()) {
    g_mime_message_set_mime_part(msg.get(), GMIME_OBJECT(body.get()));
  } else {
    GPtr<GMimeMultipart> alternative(g_mime_multipart_new_with_subtype("alternative"));
    GPtr<GMimeTextPart> html(g_mime_text_part_new_with_subtype("html"));
    g_mime_text_part_set_text(html.get(), m.html.c_str());
    g_mime_multipart_add(alternative.get(), GMIME_OBJECT(body.get()));
    g_mime_multipart_add(alternative.get(), GMIME_OBJECT(html.get()));
    g_mime_message_set_mime_part(msg.get(), GMIME_OBJECT(alternative.get()));
  }
  GPtr<GMimeStream> out(g_mime_stream_mem_new());
  GMimeFormatOptions* options = g_mime_format_options_clone(nullptr);
  g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
  g_mime_object_write_to_stream(top, options, out.get());
  g_mime_format_options_free(options);
  return memory_stream_bytes(out.get());
}

core::Done send_mail(const SmtpSettings& s, const core::OutboundMail& m) {
  if (s.url.empty()) return core::make_error(core::Errc::unavailable, "no SMTP server set");
  const std::string text = format_message(s, m);
  init_curl();
  CURL* curl = curl_easy_init();
  if (!curl) return core::make_error(core::Errc::unavailable, "curl could not start");
  Upload upload{&text};
  const std::string from = angle(s.from_address);
  const std::string to = angle(m.recipient);
  curl_slist* rcpt = curl_slist_append(nullptr, to.c_str());
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, s.url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_USE_SSL, s.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, s.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  if (!s.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, s.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, s.password.c_str());
  }
  CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) {
    std::string why = error[0] ? error : curl_easy_strerror(rc);
    return core::make_error(core::Errc::unavailable, "SMTP: " + why);
  }
  return core::done();
}

}  // namespace frontline::channels::email
