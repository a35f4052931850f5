// Intake questions (see header).
#include "app/intake.hpp"

#include <algorithm>

#include "app/event_data.hpp"
#include "core/text.hpp"
#include "core/ticket_policy.hpp"

namespace frontline::app {

using core::Errc;
using core::Id;
using core::IntakeQuestion;
using core::make_error;
using core::Result;

namespace {

// The scope must name something that exists; the category takes its stored spelling, and a
// question without a position goes last in its form.
Result<core::Unit> settle_scope(store::Tx& tx, IntakeQuestion& q, bool place_last) {
  if (!q.category.empty()) {
    auto c = tx.categories().category_by_name(q.category);
    if (!c) {
      return core::invalid_field("category", "no such category",
                                 "There is no category named \"" + q.category +
                                     "\". Add it first, or pick one from the category list.");
    }
    q.category = c->name;
  } else if (q.service_id && !tx.services().service_by_id(*q.service_id)) {
    return core::invalid_field(
        "service_id", "no such service",
        "There is no service " + std::to_string(*q.service_id) + " in the directory.");
  }
  if (place_last) {
    std::int64_t last = 0;
    for (const auto& other : tx.intake().form_questions(
             q.category, q.category.empty() ? q.service_id : std::nullopt, true)) {
      if (other.id != q.id) last = std::max(last, other.position);
    }
    q.position = last + 1;
  }
  return core::Unit{};
}

std::string event_data(const IntakeQuestion& q) {
  return EventData().add("question_id", q.id).add("label", q.label).str();
}

}  // namespace

Result<std::vector<IntakeQuestion>> Intake::list(const core::Actor& actor) {
  if (!actor.is_staff()) {
    return make_error(Errc::forbidden,
                      "Only the support team sees every intake question; ask for a form with "
                      "category or service_id.");
  }
  return in_read<std::vector<IntakeQuestion>>(ctx_.db, [](store::Tx& tx) {
    return Result<std::vector<IntakeQuestion>>(tx.intake().list_questions());
  });
}

Result<std::vector<IntakeQuestion>> Intake::form(const core::Actor& actor,
                                                 const std::string& category,
                                                 std::optional<Id> service_id) {
  return in_read<std::vector<IntakeQuestion>>(
      ctx_.db, [&](store::Tx& tx) -> Result<std::vector<IntakeQuestion>> {
        if (service_id) {
          auto s = tx.services().service_by_id(*service_id);
          if (!s || (!actor.is_staff() && !s->is_public)) {
            return make_error(Errc::not_found, "service not found");
          }
        }
        return tx.intake().form_questions(category, service_id, false);
      });
}

Result<IntakeQuestion> Intake::create(const core::Actor& actor, IntakeQuestion q) {
  if (!core::can_administer(actor)) return admins_only();
  if (auto r = core::check_intake_question(q); !r) return r.take_error();
  const auto now = ctx_.clock.now();
  return in_write<IntakeQuestion>(ctx_.db, [&](store::Tx& tx) -> Result<IntakeQuestion> {
    IntakeQuestion stored = q;  // a copy per run: the unit may run again
    if (auto r = settle_scope(tx, stored, stored.position <= 0); !r) return r.take_error();
    stored.created_at = stored.updated_at = now;
    stored.id = tx.intake().insert_question(stored);
    record_event(tx, actor, std::nullopt, core::EventType::intake_question_created,
                 event_data(stored), now);
    return stored;
  });
}

Result<IntakeQuestion> Intake::update(const core::Actor& actor, Id id,
                                      const IntakeQuestionChanges& c) {
  if (!core::can_administer(actor)) return admins_only();
  const auto now = ctx_.clock.now();
  return in_write<IntakeQuestion>(ctx_.db, [&](store::Tx& tx) -> Result<IntakeQuestion> {
    auto found = tx.intake().question_by_id(id);
    if (!found) return make_error(Errc::not_found, "intake question not found");
    IntakeQuestion q = std::move(*found);
    const auto old_category = q.category;
    const auto old_service = q.service_id;
    if (c.category) q.category = *c.category;
    if (c.service_id) q.service_id = *c.service_id;
    // Naming one scope replaces the other.
    if (c.category && !c.category->empty() && !c.service_id) q.service_id.reset();
    if (c.service_id && *c.service_id && !c.category) q.category.clear();
    if (c.position) q.position = *c.position;
    if (c.key) q.key = *c.key;
    if (c.kind) q.kind = *c.kind;
    if (c.label) q.label = *c.label;
    if (c.help) q.help = *c.help;
    if (c.choices) q.choices = *c.choices;
    if (c.kind && *c.kind != core::IntakeKind::choice && !c.choices) q.choices.clear();
    if (c.required) q.required = *c.required;
    if (c.active) q.active = *c.active;
    if (auto r = core::check_intake_question(q); !r) return r.take_error();
    const bool moved = core::to_lower_ascii(q.category) != core::to_lower_ascii(old_category) ||
                       q.service_id != old_service;
    if (auto r = settle_scope(tx, q, (moved && !c.position) || q.position <= 0); !r) {
      return r.take_error();
    }
    q.updated_at = now;
    if (!tx.intake().update_question(q)) {
      return make_error(Errc::not_found, "intake question not found");
    }
    record_event(tx, actor, std::nullopt, core::EventType::intake_question_updated, event_data(q),
                 now);
    return q;
  });
}

core::Done Intake::remove(const core::Actor& actor, Id id) {
  if (!core::can_administer(actor)) return admins_only();
  const auto now = ctx_.clock.now();
  return in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) -> core::Done {
    if (!tx.intake().delete_question(id)) {
      return make_error(Errc::not_found, "intake question not found");
    }
    record_event(tx, actor, std::nullopt, core::EventType::intake_question_deleted,
                 EventData().add("question_id", id).str(), now);
    return core::done();
  });
}

}  // namespace frontline::app
