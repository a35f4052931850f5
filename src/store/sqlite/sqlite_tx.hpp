// The SQLite implementation of store::Tx, over one Connection: it owns one object per repository.
// Transaction boundaries belong to SqliteDatabase; this class only runs statements inside them.
#pragma once

#include "store/sqlite/repositories.hpp"

namespace frontline::store::sqlite {

class SqliteTx final : public Tx {
 public:
  explicit SqliteTx(Connection& conn) : db_(conn) {}

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

 private:
  Connection& db_;
  SqliteAccounts accounts_{db_};
  SqliteOrganizations organizations_{db_};
  SqliteTickets tickets_{db_};
  SqliteMessages messages_{db_};
  SqliteEvents events_{db_};
  SqliteMail mail_{db_};
  SqliteCredits credits_{db_};
  SqliteCategories categories_{db_};
  SqliteSavedFilters saved_filters_{db_};
  SqliteMacros macros_{db_};
  SqliteChats chats_{db_};
  SqliteNotifications notifications_{db_};
  SqliteLoginThrottle login_throttle_{db_};
  SqliteServices services_{db_};
  SqliteIntake intake_{db_};
  SqliteEscalations escalations_{db_};
  SqlitePromises promises_{db_};
  SqliteReplacements replacements_{db_};
};

}  // namespace frontline::store::sqlite
