// Promises on tickets (issue 15): "I will call the vendor and get back to you by 3 pm" — a due
// time and an owner (who made it). Staff only: customers never see promises (what was promised
// to them they read in the reply that promised it). A promise is open until someone marks it
// kept; past its due time and not kept it is broken (computed from the clock on every read). The
// reminder job (remind_and_record_broken) reminds each owner once before the due time — a
// notification in the console and a mail — and records each broken promise once on its ticket.
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/civil_date.hpp"
#include "core/escalation.hpp"
#include "core/result.hpp"

namespace frontline::app {

inline constexpr std::size_t kMaxPromiseTextBytes = 2000;
// A promise is for the coming days or weeks, not for next year.
inline constexpr core::UnixTime kMaxPromiseAheadSeconds = 366 * 86400;

struct NewPromise {
  core::UnixTime due_at = 0;
  std::string text;
};

struct PromiseQuery {
  bool broken = false;               // due (open, not yet due) or broken
  std::optional<std::string> owner;  // "me" or a user id
  int limit = 100;
};

struct PromiseReport {
  core::Day from = 0, to = 0;  // UTC days, inclusive
  std::vector<core::PromiseTally> rows;
};

// What one round of the reminder job did.
struct PromiseRound {
  int reminded = 0;
  int broken = 0;
};

class Promises {
 public:
  explicit Promises(Context& ctx) : ctx_(ctx) {}

  // Staff only. invalid naming due_at (not in the future, or more than a year ahead) or text;
  // conflict on a closed ticket.
  core::Result<core::Promise> make(const core::Actor& actor, core::Id number, const NewPromise& p);
  // Staff only; by due time.
  core::Result<std::vector<core::Promise>> for_ticket(const core::Actor& actor, core::Id number);
  core::Result<std::vector<core::Promise>> list(const core::Actor& actor, const PromiseQuery& q);
  // Staff only (anyone on the team may mark a colleague's promise kept). Marking a kept promise
  // again changes nothing.
  core::Result<core::Promise> keep(const core::Actor& actor, core::Id promise_id);
  // Staff only: per owner, the promises due in [from, to] (UTC days; default the 14 days to
  // today): kept in time, kept late, broken, still open.
  core::Result<PromiseReport> report(const core::Actor& actor,
                                     const std::optional<std::string>& from,
                                     const std::optional<std::string>& to);

  // The job's round: reminds the owners of promises whose reminder time has come (once each)
  // and records promises that passed their due time unkept (once each).
  core::Result<PromiseRound> remind_and_record_broken(int limit = 200);

 private:
  Context& ctx_;
};

}  // namespace frontline::app
