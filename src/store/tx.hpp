// The Store interface: a transaction that hands out one repository per capability. The app
// layer talks only to these interfaces; store/sqlite (and later store/postgres) implement them.
// A Tx and its repositories are used by one thread at a time, for the duration of one
// Database::read or Database::write call. Failures of the database surface as StoreError.
//
// Adding a capability: declare a new repository interface in its own header here, hand it out
// from Tx with one accessor, implement it in each engine. Never widen a shared repository.
#pragma once

#include "store/account_repository.hpp"
#include "store/category_repository.hpp"
#include "store/chat_repository.hpp"
#include "store/credit_repository.hpp"
#include "store/escalation_repository.hpp"
#include "store/event_repository.hpp"
#include "store/intake_repository.hpp"
#include "store/login_throttle_repository.hpp"
#include "store/macro_repository.hpp"
#include "store/mail_repository.hpp"
#include "store/message_repository.hpp"
#include "store/notification_repository.hpp"
#include "store/organization_repository.hpp"
#include "store/promise_repository.hpp"
#include "store/replacement_repository.hpp"
#include "store/saved_filter_repository.hpp"
#include "store/service_repository.hpp"
#include "store/store_error.hpp"
#include "store/ticket_repository.hpp"

namespace frontline::store {

class Tx {
 public:
  virtual ~Tx() = default;

  virtual AccountRepository& accounts() = 0;
  virtual OrganizationRepository& organizations() = 0;
  virtual TicketRepository& tickets() = 0;
  virtual MessageRepository& messages() = 0;
  virtual EventRepository& events() = 0;
  virtual MailRepository& mail() = 0;
  virtual CreditRepository& credits() = 0;
  virtual CategoryRepository& categories() = 0;
  virtual SavedFilterRepository& saved_filters() = 0;
  virtual MacroRepository& macros() = 0;
  virtual ChatRepository& chats() = 0;
  virtual NotificationRepository& notifications() = 0;
  virtual LoginThrottleRepository& login_throttle() = 0;
  virtual ServiceRepository& services() = 0;
  virtual IntakeRepository& intake() = 0;
  virtual EscalationRepository& escalations() = 0;
  virtual PromiseRepository& promises() = 0;
  virtual ReplacementRepository& replacements() = 0;

  // Maintenance: compacts the search index and refreshes planner statistics (after bulk loads).
  virtual void optimize() = 0;
};

}  // namespace frontline::store
