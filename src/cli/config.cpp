// Configuration loading (see header).
#include "cli/config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include "core/text.hpp"

namespace frontline::cli {
namespace {

const char* env(const char* name) {
  const char* v = std::getenv(name);
  return v && *v ? v : nullptr;
}

std::size_t to_size(const std::string& name, const std::string& v) {
  try {
    std::size_t pos = 0;
    auto n = std::stoull(v, &pos);
    if (pos != v.size()) throw std::invalid_argument(v);
    return n;
  } catch (const std::exception&) {
    throw std::runtime_error(name + " must be a number, got '" + v + "'");
  }
}

bool to_bool(const std::string& v) {
  return !(v == "0" || v == "off" || v == "false" || v == "no");
}

}  // namespace

Config load_config(const std::string& path) {
  Config c;
  if (!path.empty()) {
    toml::table t;
    try {
      t = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
      throw std::runtime_error("config file " + path + ": " + std::string(e.description()));
    }
    c.data_dir = t["data"].value_or(c.data_dir);
    c.database_url = t["database_url"].value_or(c.database_url);
    c.attachments_dir = t["attachments_dir"].value_or(c.attachments_dir);
    c.database_connections = t["database_connections"].value_or(c.database_connections);
    c.listen = t["listen"].value_or(c.listen);
    c.web_root = t["web_root"].value_or(c.web_root);
    c.max_json_bytes = t["max_json_bytes"].value_or(c.max_json_bytes);
    c.max_upload_bytes = t["max_upload_bytes"].value_or(c.max_upload_bytes);
    c.access_log = t["access_log"].value_or(c.access_log);
    c.auto_close_days = t["auto_close_days"].value_or(c.auto_close_days);
    c.admin_email = t["admin_email"].value_or(c.admin_email);
    c.secure_cookies = t["secure_cookies"].value_or(c.secure_cookies);
    c.metrics_token = t["metrics_token"].value_or(c.metrics_token);
    c.public_url = t["public_url"].value_or(c.public_url);
    if (auto* list = t["trusted_proxies"].as_array()) {
      c.trusted_proxies.clear();
      for (const auto& entry : *list) c.trusted_proxies += entry.value_or(std::string()) + ",";
    } else {
      c.trusted_proxies = t["trusted_proxies"].value_or(c.trusted_proxies);
    }
    c.smtp_url = t["smtp_url"].value_or(c.smtp_url);
    c.smtp_username = t["smtp_username"].value_or(c.smtp_username);
    c.smtp_password = t["smtp_password"].value_or(c.smtp_password);
    c.smtp_require_tls = t["smtp_require_tls"].value_or(c.smtp_require_tls);
    c.mail_from = t["mail_from"].value_or(c.mail_from);
    c.mail_retry_seconds = t["mail_retry_seconds"].value_or(c.mail_retry_seconds);
    c.imap_url = t["imap_url"].value_or(c.imap_url);
    c.imap_username = t["imap_username"].value_or(c.imap_username);
    c.imap_password = t["imap_password"].value_or(c.imap_password);
    c.imap_require_tls = t["imap_require_tls"].value_or(c.imap_require_tls);
    c.imap_move_to = t["imap_move_to"].value_or(c.imap_move_to);
    c.imap_poll_seconds = t["imap_poll_seconds"].value_or(c.imap_poll_seconds);
    c.mail_parse_budget_ms = t["mail_parse_budget_ms"].value_or(c.mail_parse_budget_ms);
    c.mail_authserv_id = t["mail_authserv_id"].value_or(c.mail_authserv_id);
    c.morning_report_hour = t["morning_report_hour"].value_or(c.morning_report_hour);
    c.max_connections_per_address =
        t["max_connections_per_address"].value_or(c.max_connections_per_address);
    c.max_connections = t["max_connections"].value_or(c.max_connections);
    if (auto* origins = t["chat"]["widget_origins"].as_array()) {
      for (const auto& entry : *origins)
        c.chat_widget_origins.push_back(entry.value_or(std::string()));
    }
    c.chat_max_per_agent = t["chat"]["max_per_agent"].value_or(c.chat_max_per_agent);
    c.chat_reoffer_seconds = t["chat"]["reoffer_seconds"].value_or(c.chat_reoffer_seconds);
    c.chat_starts_per_address = t["chat"]["starts_per_address"].value_or(c.chat_starts_per_address);
  }
  if (auto v = env("FRONTLINE_DATA")) c.data_dir = v;
  if (auto v = env("FRONTLINE_LISTEN")) c.listen = v;
  if (auto v = env("FRONTLINE_WEB_ROOT")) c.web_root = v;
  if (auto v = env("FRONTLINE_MAX_JSON_BYTES"))
    c.max_json_bytes = to_size("FRONTLINE_MAX_JSON_BYTES", v);
  if (auto v = env("FRONTLINE_MAX_UPLOAD_BYTES"))
    c.max_upload_bytes = to_size("FRONTLINE_MAX_UPLOAD_BYTES", v);
  if (auto v = env("FRONTLINE_ACCESS_LOG")) c.access_log = to_bool(v);
  if (auto v = env("FRONTLINE_AUTO_CLOSE_DAYS"))
    c.auto_close_days = static_cast<int>(to_size("FRONTLINE_AUTO_CLOSE_DAYS", v));
  if (auto v = env("FRONTLINE_ADMIN_EMAIL")) c.admin_email = v;
  if (auto v = env("FRONTLINE_SECURE_COOKIES")) c.secure_cookies = to_bool(v);
  if (auto v = env("FRONTLINE_TRUSTED_PROXIES")) c.trusted_proxies = v;
  if (auto v = env("FRONTLINE_METRICS_TOKEN")) c.metrics_token = v;
  if (auto v = env("FRONTLINE_DATABASE_URL")) c.database_url = v;
  if (auto v = env("FRONTLINE_ATTACHMENTS_DIR")) c.attachments_dir = v;
  if (auto v = env("FRONTLINE_PUBLIC_URL")) c.public_url = v;
  if (auto v = env("FRONTLINE_SMTP_URL")) c.smtp_url = v;
  if (auto v = env("FRONTLINE_SMTP_USERNAME")) c.smtp_username = v;
  if (auto v = env("FRONTLINE_SMTP_PASSWORD")) c.smtp_password = v;
  if (auto v = env("FRONTLINE_SMTP_REQUIRE_TLS")) c.smtp_require_tls = to_bool(v);
  if (auto v = env("FRONTLINE_MAIL_FROM")) c.mail_from = v;
  if (auto v = env("FRONTLINE_MAIL_RETRY_SECONDS"))
    c.mail_retry_seconds = static_cast<int>(to_size("FRONTLINE_MAIL_RETRY_SECONDS", v));
  if (auto v = env("FRONTLINE_IMAP_URL")) c.imap_url = v;
  if (auto v = env("FRONTLINE_IMAP_USERNAME")) c.imap_username = v;
  if (auto v = env("FRONTLINE_IMAP_PASSWORD")) c.imap_password = v;
  if (auto v = env("FRONTLINE_IMAP_REQUIRE_TLS")) c.imap_require_tls = to_bool(v);
  if (auto v = env("FRONTLINE_IMAP_MOVE_TO")) c.imap_move_to = v;
  if (auto v = env("FRONTLINE_IMAP_POLL_SECONDS"))
    c.imap_poll_seconds = static_cast<int>(to_size("FRONTLINE_IMAP_POLL_SECONDS", v));
  if (auto v = env("FRONTLINE_MAIL_PARSE_BUDGET_MS"))
    c.mail_parse_budget_ms = static_cast<int>(to_size("FRONTLINE_MAIL_PARSE_BUDGET_MS", v));
  if (auto v = env("FRONTLINE_MAIL_AUTHSERV_ID")) c.mail_authserv_id = v;
  if (auto v = env("FRONTLINE_MORNING_REPORT_HOUR")) {
    c.morning_report_hour = std::string_view(v) == "-1"
                                ? -1
                                : static_cast<int>(to_size("FRONTLINE_MORNING_REPORT_HOUR", v));
  }
  if (auto v = env("FRONTLINE_MORNING_REPORT_CHECK_SECONDS")) {
    c.morning_report_check_seconds =
        static_cast<int>(to_size("FRONTLINE_MORNING_REPORT_CHECK_SECONDS", v));
  }
  if (auto v = env("FRONTLINE_PROMISE_CHECK_SECONDS")) {
    c.promise_check_seconds = static_cast<int>(to_size("FRONTLINE_PROMISE_CHECK_SECONDS", v));
  }
  if (c.morning_report_hour < -1 || c.morning_report_hour > 23) {
    throw std::runtime_error("morning_report_hour must be 0 to 23, or -1 for never");
  }
  if (auto v = env("FRONTLINE_MAX_CONNECTIONS_PER_ADDRESS")) {
    c.max_connections_per_address =
        static_cast<int>(to_size("FRONTLINE_MAX_CONNECTIONS_PER_ADDRESS", v));
  }
  if (auto v = env("FRONTLINE_MAX_CONNECTIONS"))
    c.max_connections = static_cast<int>(to_size("FRONTLINE_MAX_CONNECTIONS", v));
  if (c.max_connections_per_address < 1 || c.max_connections < 1) {
    throw std::runtime_error("max_connections and max_connections_per_address must be at least 1");
  }
  if (auto v = env("FRONTLINE_CHAT_WIDGET_ORIGINS")) {
    c.chat_widget_origins.clear();
    std::string list = v;
    for (std::size_t at = 0; at <= list.size();) {
      auto comma = std::min(list.find(',', at), list.size());
      std::string origin(core::trim(std::string_view(list).substr(at, comma - at)));
      if (!origin.empty()) c.chat_widget_origins.push_back(origin);
      at = comma + 1;
    }
  }
  if (auto v = env("FRONTLINE_CHAT_MAX_PER_AGENT"))
    c.chat_max_per_agent = static_cast<int>(to_size("FRONTLINE_CHAT_MAX_PER_AGENT", v));
  if (auto v = env("FRONTLINE_CHAT_STARTS_PER_ADDRESS")) {
    c.chat_starts_per_address = static_cast<int>(to_size("FRONTLINE_CHAT_STARTS_PER_ADDRESS", v));
  }
  if (auto v = env("FRONTLINE_CHAT_REOFFER_SECONDS"))
    c.chat_reoffer_seconds = static_cast<int>(to_size("FRONTLINE_CHAT_REOFFER_SECONDS", v));
  for (const auto& origin : c.chat_widget_origins) {
    if (origin.rfind("https://", 0) != 0 && origin.rfind("http://", 0) != 0) {
      throw std::runtime_error("chat widget origins start with https:// or http://, got '" +
                               origin + "'");
    }
  }
  if (auto v = env("FRONTLINE_DATABASE_CONNECTIONS"))
    c.database_connections = static_cast<int>(to_size("FRONTLINE_DATABASE_CONNECTIONS", v));
  if (auto v = env("FRONTLINE_THREADS"))
    c.network_threads = static_cast<int>(to_size("FRONTLINE_THREADS", v));
  return c;
}

// "Help Desk <help@example.com>" or a bare address → name and address.
static void split_mail_from(const std::string& from, std::string& name, std::string& address) {
  auto open = from.find('<');
  auto close = from.find('>', open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) {
    address = std::string(core::trim(from));
    name = "Help Desk";
    return;
  }
  address = from.substr(open + 1, close - open - 1);
  name = std::string(core::trim(from.substr(0, open)));
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
    name = name.substr(1, name.size() - 2);
  if (name.empty()) name = "Help Desk";
}

app::OutboundSettings outbound_settings(const Config& config) {
  app::OutboundSettings out;
  split_mail_from(config.mail_from, out.from_name, out.from_address);
  out.retry_base_seconds = std::max(1, config.mail_retry_seconds);
  out.retry_max_seconds = std::max(out.retry_base_seconds, 600);
  return out;
}

void split_listen(const std::string& listen, std::string& host, unsigned short& port) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos)
    throw std::runtime_error("--listen must be HOST:PORT, got " + listen);
  host = listen.substr(0, colon);
  auto p = to_size("port", listen.substr(colon + 1));
  if (p > 65535) throw std::runtime_error("port out of range in " + listen);
  port = static_cast<unsigned short>(p);
}

}  // namespace frontline::cli
