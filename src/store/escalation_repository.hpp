// Escalations of tickets to other teams or to external contacts of the service directory.
// Promises: rows are never deleted; a ticket's escalations stack, its current one being the
// newest not ended; ending one that is already ended changes nothing.
#pragma once

#include <optional>
#include <vector>

#include "core/escalation.hpp"

namespace frontline::store {

using core::Id;
using core::UnixTime;

class EscalationRepository {
 public:
  virtual ~EscalationRepository() = default;

  virtual Id insert_escalation(const core::Escalation& escalation) = 0;
  // The newest escalation of the ticket not ended, with the name of who escalated; nullopt when
  // there is none.
  virtual std::optional<core::Escalation> current_escalation(Id ticket_number) = 0;
  // Every escalation of the ticket, oldest first.
  virtual std::vector<core::Escalation> ticket_escalations(Id ticket_number) = 0;
  // false when there is no such escalation or it was ended before.
  virtual bool end_escalation(Id id, std::optional<Id> by, UnixTime at) = 0;
  // The service a directory contact belongs to; nullopt when no contact has that id.
  virtual std::optional<Id> service_of_contact(Id contact_id) = 0;
};

}  // namespace frontline::store
