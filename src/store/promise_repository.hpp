// Promises made on tickets, with their owners. Promises: rows are never deleted; lists carry the
// owner's name; the marks (reminded, broken, kept) are set once — marking again answers false
// and changes nothing, so two instances running the reminder job never remind twice.
#pragma once

#include <optional>
#include <vector>

#include "core/escalation.hpp"

namespace frontline::store {

using core::Id;
using core::UnixTime;

// Promises not kept: due (due_at after `now`, soonest first) or broken (due_at at or before
// `now`, longest overdue first), of one owner when set.
struct PromiseFilter {
  bool broken = false;
  UnixTime now = 0;
  std::optional<Id> owner_id;
  int limit = 100;
};

class PromiseRepository {
 public:
  virtual ~PromiseRepository() = default;

  virtual Id insert_promise(const core::Promise& promise) = 0;
  virtual std::optional<core::Promise> promise_by_id(Id id) = 0;
  // The ticket's promises by due time, then id.
  virtual std::vector<core::Promise> ticket_promises(Id ticket_number) = 0;
  virtual std::vector<core::Promise> open_promises(const PromiseFilter& filter) = 0;
  // Not kept, not reminded, remind_at at or before now: soonest first, at most limit.
  virtual std::vector<core::Promise> promises_to_remind(UnixTime now, int limit) = 0;
  // Not kept, not yet recorded broken, due_at at or before now: soonest first, at most limit.
  virtual std::vector<core::Promise> promises_to_break(UnixTime now, int limit) = 0;
  // Promises whose due time is in [from, to), for the reports.
  virtual std::vector<core::Promise> promises_due_between(UnixTime from, UnixTime to) = 0;
  virtual bool mark_promise_reminded(Id id, UnixTime at) = 0;
  virtual bool mark_promise_broken(Id id, UnixTime at) = 0;
  virtual bool mark_promise_kept(Id id, Id by, UnixTime at) = 0;
};

}  // namespace frontline::store
