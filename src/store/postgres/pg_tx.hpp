// The PostgreSQL implementation of store::Tx, over one Connection: it owns one object per
// repository. Transaction boundaries belong to PgDatabase; this class only runs statements inside
// them.
#pragma once

#include "store/postgres/repositories.hpp"

namespace frontline::store::postgres {

class PgTx final : public Tx {
 public:
  // cache: who tokens and sessions belong to (PgDatabase's); null for none.
  explicit PgTx(Connection& conn, IdentityCache* cache = nullptr) : db_(conn), identity_{cache} {}

  AccountRepository& accounts() override { return accounts_; }
  OrganizationRepository& organizations() override { return organizations_; }
  TicketRepository& tickets() override { return tickets_; }
  MessageRepository& messages() override { return messages_; }
  EventRepository& events() override { return events_; }
  MailRepository& mail() override { return mail_; }
  CreditRepository& credits() override { return credits_; }
  CategoryRepository& categories() override { return categories_; }
  SavedFilterRepository& saved_filters() override { return saved_filters_; }
  MacroRepository& macros() override { return macros_; }
  ChatRepository& chats() override { return chats_; }
  NotificationRepository& notifications() override { return notifications_; }
  LoginThrottleRepository& login_throttle() override { return login_throttle_; }
  ServiceRepository& services() override { return services_; }
  IntakeRepository& intake() override { return intake_; }
  EscalationRepository& escalations() override { return escalations_; }
  PromiseRepository& promises() override { return promises_; }
  ReplacementRepository& replacements() override { return replacements_; }

  void optimize() override;
  // For PostgreSQL-only statements outside the repositories (the blob store).
  Connection& connection() { return db_; }
  // Whether this unit changed users, tokens, sessions or organizations (the identity cache
  // must forget its answers once the unit commits).
  bool changed_identities() const { return identity_.changed; }

 private:
  Connection& db_;
  IdentityTracking identity_;
  PgAccounts accounts_{db_, identity_};
  PgOrganizations organizations_{db_, identity_};
  PgTickets tickets_{db_};
  PgMessages messages_{db_};
  PgEvents events_{db_};
  PgMail mail_{db_};
  PgCredits credits_{db_};
  PgCategories categories_{db_};
  PgSavedFilters saved_filters_{db_};
  PgMacros macros_{db_};
  PgChats chats_{db_};
  PgNotifications notifications_{db_};
  PgLoginThrottle login_throttle_{db_};
  PgServices services_{db_};
  PgIntake intake_{db_};
  PgEscalations escalations_{db_};
  PgPromises promises_{db_};
  PgReplacements replacements_{db_};
};

}  // namespace frontline::store::postgres
