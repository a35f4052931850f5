// MIME parsing with GMime 3 (see header).
#include "channels/email/mime_parser.hpp"

#include <string>

#include "channels/email/authentication_results.hpp"
#include "channels/email/cpu_budget.hpp"
#include "channels/email/gmime_support.hpp"
#include "channels/email/html_sanitizer.hpp"
#include "channels/email/html_to_text.hpp"
#include "channels/email/message_ids.hpp"
#include "core/text.hpp"

namespace frontline::channels::email {
namespace {

// More Cc addresses than a ticket keeps (app::Mail keeps ten) are not worth reading.
constexpr int kMaxCcs = 100;

// Bytes that are not valid UTF-8 are read as Latin-1 (the commonest undeclared charset), so
// the text is always valid UTF-8 and nothing is dropped.
std::string to_valid_utf8(std::string_view s) {
  if (core::is_valid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() * 2);
  for (unsigned char c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::string header(GMimeObject* obj, const char* name) {
  const char* v = g_mime_object_get_header(obj, name);
  return v ? to_valid_utf8(core::trim(v)) : std::string();
}

// The first (topmost, so added by the receiving MTA) Authentication-Results header of the
// trusted authserv-id decides; headers of other ids, and any below it, are the sender's words.
app::SenderCheck check_sender(GMimeObject* top, std::string_view trusted_id,
                              std::string_view from_email) {
  GMimeHeaderList* headers = g_mime_object_get_header_list(top);
  const int count = headers ? g_mime_header_list_get_count(headers) : 0;
  for (int i = 0; i < count; ++i) {
    GMimeHeader* h = g_mime_header_list_get_header_at(headers, i);
    const char* name = g_mime_header_get_name(h);
    const char* value = g_mime_header_get_value(h);
    if (!name || !value || g_ascii_strcasecmp(name, "Authentication-Results") != 0) continue;
    auto results = parse_authentication_results(value);
    if (!results || results->authserv_id != core::to_lower_ascii(trusted_id)) continue;
    const auto at = from_email.rfind('@');
    const auto domain = at == std::string_view::npos ? "" : from_email.substr(at + 1);
    return sender_authenticated(*results, domain) ? app::SenderCheck::authenticated
                                                  : app::SenderCheck::unauthenticated;
  }
  return app::SenderCheck::unauthenticated;
}

std::string object_bytes(GMimeObject* obj) {
  GPtr<GMimeStream> out(g_mime_stream_mem_new());
  g_mime_object_write_to_stream(obj, nullptr, out.get());
  return memory_stream_bytes(out.get());
}

std::string part_content(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (!content) return {};
  GPtr<GMimeStream> out(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, out.get());  // undoes base64 / quoted-printable
  return memory_stream_bytes(out.get());
}

std::string mime_type(GMimeObject* obj) {
  GString t(g_mime_content_type_get_mime_type(g_mime_object_get_content_type(obj)));
  return t ? core::to_lower_ascii(t.get()) : "application/octet-stream";
}

// Reads "Name: value" lines (a delivery-status or rfc822-headers part) for one field.
std::string field_in(std::string_view text, std::string_view name) {
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    auto line = text.substr(at, end - at);
    if (line.size() > name.size() && line[name.size()] == ':' &&
        core::to_lower_ascii(line.substr(0, name.size())) == core::to_lower_ascii(name)) {
      return std::string(core::trim(line.substr(name.size() + 1)));
    }
    at = end + 1;
  }
  return {};
}

struct Walk {
  app::InboundMail* mail;
  CpuBudget* budget;
  std::string plain;
  std::string html;
  std::vector<std::string> bounced;  // Message-IDs of the messages a delivery report returns
  int index = 0;
};

void visit_part(GMimeObject* parent, GMimeObject* part, gpointer data) {
  auto& w = *static_cast<Walk*>(data);
  (void)parent;
  ++w.index;
  if (GMIME_IS_MULTIPART(part) || !w.budget->check()) return;
  const std::string type = mime_type(part);
  if (GMIME_IS_MESSAGE_PART(part)) {
    GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(part));
    if (!inner) return;
    if (w.mail->is_delivery_report) {  // the message that bounced: thread by its Message-ID
      const char* id = g_mime_message_get_message_id(inner);
      if (id && w.bounced.size() < kMaxMessageIds) w.bounced.push_back(to_valid_utf8(id));
    }
    w.mail->attachments.push_back(
        {"message-" + std::to_string(w.index) + ".eml", "message/rfc822", object_bytes(part)});
    return;
  }
  if (!GMIME_IS_PART(part)) return;
  GMimePart* p = GMIME_PART(part);
  const char* filename = g_mime_part_get_filename(p);
  const char* disposition = g_mime_object_get_disposition(part);
  const bool attachment =
      filename || (disposition && g_ascii_strcasecmp(disposition, "attachment") == 0);
  if (w.mail->is_delivery_report &&
      (type == "message/delivery-status" || type == "text/rfc822-headers")) {
    std::string text = part_content(p);
    if (type == "message/delivery-status") {
      auto status = field_in(text, "Status");
      auto action = field_in(text, "Action");
      w.mail->report_status = to_valid_utf8(action.empty() ? status : action + " " + status);
    } else if (auto id = field_in(text, "Message-ID"); !id.empty()) {
      add_message_ids(id, w.mail->references);
    }
  }
  if (!attachment && GMIME_IS_TEXT_PART(part) && (type == "text/plain" || type == "text/html")) {
    GString text(g_mime_text_part_get_text(GMIME_TEXT_PART(part)));  // to UTF-8 by charset
    std::string s = to_valid_utf8(text ? std::string_view(text.get()) : std::string_view());
    auto& slot = type == "text/plain" ? w.plain : w.html;
    if (!slot.empty()) slot += "\n\n";
    slot += s;
    return;
  }
  std::string name = filename ? to_valid_utf8(filename) : "part-" + std::to_string(w.index);
  w.mail->attachments.push_back({std::move(name), type, part_content(p)});
}

app::InboundMail unreadable(std::string_view raw) {
  app::InboundMail m;
  m.raw_size = raw.size();
  m.parsed_fully = false;
  m.subject = "(unreadable message)";
  m.text = "This message could not be read as email. The original is attached as original.eml.";
  m.attachments.push_back({"original.eml", "message/rfc822", std::string(raw)});
  return m;
}

// Over its CPU budget: stored raw like an unreadable message, but under the headers already
// read, so it files where it belongs, the filters still see it and a re-delivery is a duplicate.
app::InboundMail over_budget(std::string_view raw, app::InboundMail read, const CpuBudget& budget) {
  read.parsed_fully = false;
  read.is_delivery_report = false;
  read.cc.clear();
  read.text = "This message could not be read in time: reading it took more than " +
              std::to_string(budget.limit().count()) +
              " ms of processing, so it was stored as it came. The original is attached as "
              "original.eml.";
  read.attachments.clear();
  read.attachments.push_back({"original.eml", "message/rfc822", std::string(raw)});
  return read;
}

}  // namespace

app::InboundMail parse_message(std::string_view raw, const ParseOptions& options) {
  CpuBudget budget(options.cpu_budget);
  init_gmime();
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  GPtr<GMimeMessage> msg(g_mime_parser_construct_message(parser.get(), nullptr));
  if (!msg || !g_mime_message_get_mime_part(msg.get())) return unreadable(raw);

  app::InboundMail m;
  m.raw_size = raw.size();
  GMimeObject* top = GMIME_OBJECT(msg.get());
  if (const char* subject = g_mime_message_get_subject(msg.get())) {
    m.subject = to_valid_utf8(subject);
  }
  if (InternetAddressList* from = g_mime_message_get_from(msg.get());
      from && internet_address_list_length(from) > 0) {
    InternetAddress* a = internet_address_list_get_address(from, 0);
    if (INTERNET_ADDRESS_IS_MAILBOX(a)) {
      const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a));
      if (addr) m.from_email = core::to_lower_ascii(to_valid_utf8(addr));
    }
    if (const char* name = internet_address_get_name(a)) m.from_name = to_valid_utf8(name);
  }
  if (InternetAddressList* cc = g_mime_message_get_cc(msg.get())) {
    for (int i = 0; i < internet_address_list_length(cc) && i < kMaxCcs; ++i) {
      InternetAddress* a = internet_address_list_get_address(cc, i);
      if (!INTERNET_ADDRESS_IS_MAILBOX(a)) continue;
      if (const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a))) {
        m.cc.push_back(core::to_lower_ascii(to_valid_utf8(addr)));
      }
    }
  }
  if (const char* id = g_mime_message_get_message_id(msg.get())) m.message_id = to_valid_utf8(id);
  add_message_ids(header(top, "In-Reply-To"), m.references);
  add_message_ids(header(top, "References"), m.references);
  m.auto_submitted = core::to_lower_ascii(header(top, "Auto-Submitted"));
  m.precedence = core::to_lower_ascii(header(top, "Precedence"));
  m.x_autoreply = g_mime_object_get_header(top, "X-Autoreply") ||
                  g_mime_object_get_header(top, "X-Autorespond");
  m.from_frontline = g_mime_object_get_header(top, "X-Frontline-Loop") != nullptr;
  if (!options.trusted_authserv_id.empty()) {
    m.sender_check = check_sender(top, options.trusted_authserv_id, m.from_email);
  }
  GMimeObject* body = g_mime_message_get_mime_part(msg.get());
  GMimeContentType* ct = g_mime_object_get_content_type(body);
  if (g_mime_content_type_is_type(ct, "multipart", "report")) {
    const char* report = g_mime_content_type_get_parameter(ct, "report-type");
    m.is_delivery_report = report && g_ascii_strcasecmp(report, "delivery-status") == 0;
  }

  Walk walk{&m, &budget, {}, {}, {}, 0};
  g_mime_message_foreach(msg.get(), visit_part, &walk);
  m.references.insert(m.references.begin(), walk.bounced.begin(), walk.bounced.end());
  m.text = !walk.plain.empty() ? std::move(walk.plain) : html_to_text(walk.html, &budget);
  // The conversation shows the text; the HTML, sanitised, can be shown as sent.
  if (!walk.html.empty()) m.html = sanitize_html(walk.html, &budget);
  if (!budget.check()) return over_budget(raw, std::move(m), budget);
  return m;
}

}  // namespace frontline::channels::email
