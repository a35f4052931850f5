// Server configuration: defaults, then a TOML file (--config), then FRONTLINE_* environment
// variables, then command-line flags — later sources win.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/mail_outbox.hpp"

namespace frontline::cli {

struct Config {
  std::string data_dir = "./data";
  // PostgreSQL (postgresql://USER@/DB?host=…); empty: SQLite under data_dir.
  std::string database_url;
  // Attachment bytes in this folder (shared storage when several instances serve); empty:
  // DATA/attachments on SQLite, the database itself on PostgreSQL.
  std::string attachments_dir;
  // PostgreSQL: connections per instance, and as many threads to run requests on them; 0: four
  // per core, at least 8 (measured: more only queue inside PostgreSQL, see docs/scaling.md).
  int database_connections = 0;
  std::string listen = "127.0.0.1:8080";
  std::string web_root;  // default: web/dist under the working directory, when present
  std::size_t max_json_bytes = 1024 * 1024;
  std::size_t max_upload_bytes = 25 * 1024 * 1024;
  bool access_log = true;
  int auto_close_days = 7;
  std::string admin_email = "admin@example.com";
  int network_threads = 0;
  // Open connections one client address may hold, and in all (slow or idle clients cannot
  // take every connection the process can have).
  int max_connections_per_address = 256;
  int max_connections = 10000;
  bool secure_cookies = false;  // mark the session cookie Secure (behind TLS)
  // Proxies whose X-Forwarded-For names the client (addresses and CIDR blocks, comma-separated).
  std::string trusted_proxies;
  std::string metrics_token;  // empty: GET /metrics is off
  // Where people open the help desk (links in mail, e.g. invitations); empty: http://LISTEN.
  std::string public_url;
  // Outgoing mail; nothing is sent while smtp_url is empty.
  std::string smtp_url;  // smtp://host:port (STARTTLS when offered) or smtps://host:port
  std::string smtp_username;
  std::string smtp_password;
  bool smtp_require_tls = false;
  std::string mail_from = "Help Desk <help@frontline.invalid>";
  int mail_retry_seconds = 60;  // first retry after a failure; doubles up to 10 minutes
  // Incoming mail by IMAP polling; off while imap_url is empty.
  std::string imap_url;  // imap://host:port/INBOX (STARTTLS when offered) or imaps://…
  std::string imap_username;
  std::string imap_password;
  bool imap_require_tls = false;
  std::string imap_move_to;  // folder for stored messages; empty: mark them \Seen
  int imap_poll_seconds = 60;
  // Incoming mail, however it arrives: the CPU time one message may take to read (over it, the
  // message is stored raw), and the receiving MTA's authserv-id whose Authentication-Results are
  // believed (empty: none are; staff addresses then never speak as staff by mail).
  int mail_parse_budget_ms = 5000;
  std::string mail_authserv_id;
  // The morning report goes out once this local hour has begun in each technician's time zone
  // (0 to 23; -1: never). How often the server looks for reports that are due.
  int morning_report_hour = 7;
  int morning_report_check_seconds = 60;
  // How often the server reminds the owners of promises due soon and records broken ones.
  int promise_check_seconds = 30;
  // Live chat: origins whose pages may embed the widget ([chat] widget_origins = ["https://…"]),
  // active chats one technician may hold, and how long a chat may wait unanswered before it is
  // offered to everyone again.
  std::vector<std::string> chat_widget_origins;
  int chat_max_per_agent = 3;
  int chat_reoffer_seconds = 90;
  int chat_starts_per_address = 20;  // per 10 minutes; anonymous visitors need no account
};

// The From name and address and the retry schedule of outgoing mail.
app::OutboundSettings outbound_settings(const Config& config);

// Reads the file (when path is not empty) and the environment over the defaults.
// Throws std::runtime_error on an unreadable file or a bad value.
Config load_config(const std::string& path);

// Splits "host:port"; throws std::runtime_error when malformed.
void split_listen(const std::string& listen, std::string& host, unsigned short& port);

}  // namespace frontline::cli
