// Escalations and promises on a ticket (issue 15): value types and the pure rules about them —
// when a promise's reminder is due, whether it is open, kept or broken, and how a technician's
// promises add up for the reports. No I/O; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace frontline::core {

// A ticket handed to another team's queue (team_id) or to an external contact from the service
// directory (contact_id, with its service). Escalations stack: the current one is the newest not
// ended; ending it (de-escalating) returns the ticket to from_team_id and, when they can still
// take it, from_assignee_id.
struct Escalation {
  Id id = 0;
  Id ticket_number = 0;
  std::optional<Id> team_id;
  std::optional<Id> contact_id;
  std::optional<Id> service_id;  // the contact's service
  // The contact as it was when escalated to ("phone +1 555 0100"): contacts can be edited or
  // removed later, the record of who was called must stay.
  std::string contact_label;
  std::optional<Id> from_team_id;
  std::optional<Id> from_assignee_id;
  std::string summary;  // for staff: what the other side needs to know
  std::optional<Id> by_id;
  std::string by_name;  // when read
  UnixTime at = 0;
  std::optional<UnixTime> ended_at;
  std::optional<Id> ended_by;
};

// "I will call the vendor and get back to you by 3 pm": a due time and an owner.
struct Promise {
  Id id = 0;
  Id ticket_number = 0;
  Id owner_id = 0;
  std::string owner_name;  // when read
  std::string text;
  UnixTime due_at = 0;
  UnixTime remind_at = 0;  // see reminder_time
  UnixTime created_at = 0;
  std::optional<UnixTime> reminded_at;
  std::optional<UnixTime> broken_at;  // when the job recorded it broken (once)
  std::optional<UnixTime> kept_at;
  std::optional<Id> kept_by;
};

enum class PromiseState { open, kept, broken };
std::string_view to_string(PromiseState s);

// Kept once marked kept (late or not); broken when due and not kept; open otherwise.
PromiseState promise_state(const Promise& p, UnixTime now);
// Kept after its due time: counted as broken by the reports, though it was kept in the end.
bool kept_late(const Promise& p);

// How long before the due time the owner is reminded: kReminderLeadSeconds, or half the time
// the promise was given for when that is shorter (a promise made for ten minutes from now is
// recalled after five, not at once).
inline constexpr UnixTime kReminderLeadSeconds = 30 * 60;
UnixTime reminder_time(UnixTime created_at, UnixTime due_at);

// One technician's promises due in a report's period.
struct PromiseTally {
  Id owner_id = 0;
  std::string owner_name;
  std::int64_t kept = 0;       // kept by the due time
  std::int64_t kept_late = 0;  // kept, but after it was due
  std::int64_t broken = 0;     // due, and not kept
  std::int64_t open = 0;       // not yet due
};
// Per owner, by owner name then id.
std::vector<PromiseTally> tally_promises(const std::vector<Promise>& promises, UnixTime now);

}  // namespace frontline::core
