// Promise use cases and the reminder job's round (see header).
#include "app/promises.hpp"

#include <algorithm>
#include <charconv>

#include "app/event_data.hpp"
#include "app/report_days.hpp"
#include "app/ticket_access.hpp"
#include "core/text.hpp"

namespace frontline::app {
namespace {

using core::Errc;
using core::Id;
using core::make_error;
using core::Result;

core::Error staff_only() {
  return make_error(Errc::forbidden, "promises are for the support team");
}

}  // namespace

Result<core::Promise> Promises::make(const core::Actor& actor, Id number, const NewPromise& in) {
  if (!actor.is_staff()) return staff_only();
  if (core::trim(in.text).empty()) {
    return core::invalid_field("text", "is required", "Write what you promised.");
  }
  if (auto r = check_text("text", in.text, kMaxPromiseTextBytes); !r) return r.take_error();
  const auto now = ctx_.clock.now();
  if (in.due_at <= now) {
    return core::invalid_field("due_at", "must be in the future",
                               "A promise is due later than now: choose a time ahead.");
  }
  if (in.due_at - now > kMaxPromiseAheadSeconds) {
    return core::invalid_field("due_at", "must be within a year");
  }
  return in_write<core::Promise>(ctx_.db, [&](store::Tx& tx) -> Result<core::Promise> {
    auto t = load_visible(tx, actor, number);
    if (!t) return t.take_error();
    if (t->status == core::Status::closed) {
      return make_error(Errc::conflict, "ticket #" + std::to_string(number) +
                                            " is closed: a promise on it could not be kept");
    }
    core::Promise p;
    p.ticket_number = number;
    p.owner_id = actor.id;
    p.text = in.text;
    p.due_at = in.due_at;
    p.created_at = now;
    p.remind_at = core::reminder_time(now, in.due_at);
    p.id = tx.promises().insert_promise(p);
    record_event(tx, actor, number, core::EventType::promise_made,
                 EventData()
                     .add("promise_id", p.id)
                     .add("owner_id", p.owner_id)
                     .add("due_at", p.due_at)
                     .add("text", p.text)
                     .str(),
                 now);
    auto stored = tx.promises().promise_by_id(p.id);
    return std::move(*stored);
  });
}

Result<std::vector<core::Promise>> Promises::for_ticket(const core::Actor& actor, Id number) {
  if (!actor.is_staff()) return staff_only();
  return in_read<std::vector<core::Promise>>(
      ctx_.db, [&](store::Tx& tx) -> Result<std::vector<core::Promise>> {
        auto t = load_visible(tx, actor, number);
        if (!t) return t.take_error();
        return tx.promises().ticket_promises(number);
      });
}

Result<std::vector<core::Promise>> Promises::list(const core::Actor& actor, const PromiseQuery& q) {
  if (!actor.is_staff()) return staff_only();
  store::PromiseFilter f;
  f.broken = q.broken;
  f.now = ctx_.clock.now();
  f.limit = std::clamp(q.limit, 1, 500);
  if (q.owner) {
    if (*q.owner == "me") {
      f.owner_id = actor.id;
    } else {
      Id id = 0;
      auto [p, ec] = std::from_chars(q.owner->data(), q.owner->data() + q.owner->size(), id);
      if (ec != std::errc() || p != q.owner->data() + q.owner->size() || id <= 0) {
        return core::invalid_field("owner", "must be me or a user id");
      }
      f.owner_id = id;
    }
  }
  return in_read<std::vector<core::Promise>>(ctx_.db, [&](store::Tx& tx) {
    return Result<std::vector<core::Promise>>(tx.promises().open_promises(f));
  });
}

Result<core::Promise> Promises::keep(const core::Actor& actor, Id promise_id) {
  if (!actor.is_staff()) return staff_only();
  const auto now = ctx_.clock.now();
  return in_write<core::Promise>(ctx_.db, [&](store::Tx& tx) -> Result<core::Promise> {
    auto p = tx.promises().promise_by_id(promise_id);
    if (!p)
      return make_error(Errc::not_found, "promise " + std::to_string(promise_id) + " not found");
    if (!tx.promises().mark_promise_kept(promise_id, actor.id, now)) return std::move(*p);
    record_event(tx, actor, p->ticket_number, core::EventType::promise_kept,
                 EventData()
                     .add("promise_id", p->id)
                     .add("owner_id", p->owner_id)
                     .add("late", std::int64_t{now > p->due_at ? 1 : 0})
                     .str(),
                 now);
    return std::move(*tx.promises().promise_by_id(promise_id));
  });
}

Result<PromiseReport> Promises::report(const core::Actor& actor,
                                       const std::optional<std::string>& from_text,
                                       const std::optional<std::string>& to_text) {
  if (!actor.is_staff()) return staff_only();
  const auto now = ctx_.clock.now();
  const auto today = static_cast<core::Day>(now / 86400);
  auto days = report_days(from_text, to_text, today);
  if (!days) return days.take_error();
  return in_read<PromiseReport>(ctx_.db, [&](store::Tx& tx) -> Result<PromiseReport> {
    PromiseReport r;
    r.from = days->from;
    r.to = days->to;
    const auto due = tx.promises().promises_due_between(days->starts_at(), days->ends_before());
    r.rows = core::tally_promises(due, now);
    return r;
  });
}

Result<PromiseRound> Promises::remind_and_record_broken(int limit) {
  const auto now = ctx_.clock.now();
  return in_write<PromiseRound>(ctx_.db, [&](store::Tx& tx) -> Result<PromiseRound> {
    PromiseRound round;
    // Each mark is conditional: another instance that got there first leaves nothing to do.
    for (const auto& p : tx.promises().promises_to_remind(now, limit)) {
      if (!tx.promises().mark_promise_reminded(p.id, now)) continue;
      // Recorded by the system; app/notifications tells the owner, app/mail_outbox mails them.
      record_event(tx, core::Actor{}, p.ticket_number, core::EventType::promise_reminded,
                   EventData()
                       .add("promise_id", p.id)
                       .add("owner_id", p.owner_id)
                       .add("due_at", p.due_at)
                       .str(),
                   now);
      ++round.reminded;
    }
    for (const auto& p : tx.promises().promises_to_break(now, limit)) {
      if (!tx.promises().mark_promise_broken(p.id, now)) continue;
      record_event(tx, core::Actor{}, p.ticket_number, core::EventType::promise_broken,
                   EventData()
                       .add("promise_id", p.id)
                       .add("owner_id", p.owner_id)
                       .add("due_at", p.due_at)
                       .str(),
                   now);
      ++round.broken;
    }
    return round;
  });
}

}  // namespace frontline::app
