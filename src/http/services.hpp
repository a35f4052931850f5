// What the HTTP handlers call: the app use cases and the server's own settings.
// Constructed once by `frontline serve`; shared by all threads (the parts are thread-safe).
#pragma once

#include <string>

#include "app/accounts.hpp"
#include "app/auth.hpp"
#include "app/bulk_actions.hpp"
#include "app/categories.hpp"
#include "app/chats.hpp"
#include "app/context.hpp"
#include "app/directory.hpp"
#include "app/escalations.hpp"
#include "app/intake.hpp"
#include "app/invitations.hpp"
#include "app/macros.hpp"
#include "app/mail.hpp"
#include "app/mail_template_admin.hpp"
#include "app/notifications.hpp"
#include "app/promises.hpp"
#include "app/ranking.hpp"
#include "app/replacements.hpp"
#include "app/reports.hpp"
#include "app/saved_filters.hpp"
#include "app/service_catalog.hpp"
#include "app/tickets.hpp"
#include "channels/email/mime_parser.hpp"
#include "http/client_address.hpp"
#include "http/start_limit.hpp"

namespace frontline::http {

class Metrics;
namespace hub {
class Hub;
}

struct ServerSettings {
  std::size_t max_json_bytes = 1024 * 1024;
  std::size_t max_upload_bytes = 25 * 1024 * 1024;  // per attachment; a request may add 1 MiB
  int header_timeout_seconds = 10;
  int body_timeout_seconds = 60;
  int idle_timeout_seconds = 30;
  bool secure_cookies = false;     // set the Secure flag (behind TLS)
  TrustedProxies trusted_proxies;  // whose X-Forwarded-For names the client
  std::string metrics_token;  // GET /metrics wants it as a bearer token; empty: /metrics is off
  channels::email::ParseOptions mail_parsing;  // POST /mail/inbound: CPU budget, trusted MTA
  // Origins whose pages may embed the chat widget (framed /widget.html), e.g.
  // "https://www.example.com"; empty: only the help desk's own pages.
  std::vector<std::string> widget_origins;
  int chat_starts_per_address = 20;  // new chats one address may start per 10 minutes
};

struct Services {
  explicit Services(app::Context& c, app::ChatSettings chat = {})
      : ctx(c),
        tickets(c),
        accounts(c),
        auth(c),
        categories(c),
        saved_filters(c),
        mail(c, tickets),
        mail_templates(c),
        reports(c),
        ranking(c),
        macros(c, tickets),
        bulk_actions(tickets),
        chats(c, tickets, chat),
        notifications(c),
        invitations(c, accounts, auth),
        directory(c),
        intake(c),
        escalations(c, tickets),
        promises(c),
        replacements(c),
        service_catalog(c) {}
  app::Context& ctx;
  app::Tickets tickets;
  app::Accounts accounts;
  app::Auth auth;
  app::Categories categories;
  app::SavedFilters saved_filters;
  app::Mail mail;
  app::MailTemplateAdmin mail_templates;
  app::Reports reports;
  app::Ranking ranking;
  app::Macros macros;
  app::BulkActions bulk_actions;
  app::Chats chats;
  app::Notifications notifications;
  app::Invitations invitations;  // configured by `serve` with the public URL and mail settings
  app::Directory directory;
  app::Intake intake;
  app::Escalations escalations;
  app::Promises promises;
  app::Replacements replacements;
  app::ServiceCatalog service_catalog;
  ServerSettings settings;
  Metrics* metrics = nullptr;
  hub::Hub* hub = nullptr;      // the server's WebSocket hub (set by Server)
  StartLimit chat_starts{600};  // chats started per address in ten minutes
};

}  // namespace frontline::http
