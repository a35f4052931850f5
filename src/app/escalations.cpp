// Escalation use cases (see header). The team and assignee move through Tickets::update_in, so
// the move is logged, notified and counted exactly like a PATCH of the same fields.
#include "app/escalations.hpp"

#include <algorithm>

#include "app/event_data.hpp"
#include "app/ticket_access.hpp"
#include "core/text.hpp"

namespace frontline::app {
namespace {

using core::Errc;
using core::Id;
using core::make_error;
using core::Result;

constexpr std::size_t kMaxNoteBytes = 2000;

core::Error staff_only() {
  return make_error(Errc::forbidden, "only the support team escalates tickets");
}

std::optional<core::ServiceContact> find_contact(const core::Service& s, Id contact_id) {
  auto c = std::find_if(s.contacts.begin(), s.contacts.end(),
                        [&](const core::ServiceContact& x) { return x.id == contact_id; });
  if (c == s.contacts.end()) return std::nullopt;
  return *c;
}

bool is_member(store::Tx& tx, std::optional<Id> team_id, Id user_id) {
  if (!team_id) return false;
  auto team = tx.organizations().team_by_id(*team_id);
  return team && std::find(team->member_ids.begin(), team->member_ids.end(), user_id) !=
                     team->member_ids.end();
}

// Bumps the ticket's version when the escalation changed no field (a contact escalation): staff
// holding the old ETag see that something happened, and the queue sorts it as just updated.
Result<core::Ticket> touch(store::Tx& tx, Id number, std::int64_t version_before,
                           core::UnixTime now) {
  auto t = tx.tickets().ticket_by_number(number);
  if (!t) return not_found(number);
  if (t->version != version_before) return std::move(*t);
  t->updated_at = now;
  t->version += 1;
  if (!tx.tickets().update_ticket(*t)) {
    return make_error(Errc::stale, "ticket #" + std::to_string(number) + " changed meanwhile");
  }
  return std::move(*t);
}

EscalationView view_of(store::Tx& tx, core::Escalation e) {
  EscalationView v;
  if (e.team_id) {
    if (auto team = tx.organizations().team_by_id(*e.team_id)) v.team_name = team->name;
  }
  if (e.service_id) {
    if (auto s = tx.services().service_by_id(*e.service_id)) {
      v.service_name = s->name;
      if (e.contact_id) v.contact = find_contact(*s, *e.contact_id);
    }
  }
  v.escalation = std::move(e);
  return v;
}

}  // namespace

std::optional<EscalationView> current_escalation_view(store::Tx& tx, Id number) {
  auto e = tx.escalations().current_escalation(number);
  if (!e) return std::nullopt;
  return view_of(tx, std::move(*e));
}

Result<EscalatedTicket> Escalations::escalate(const core::Actor& actor, Id number,
                                              const EscalationRequest& req) {
  if (!actor.is_staff()) return staff_only();
  if (req.team_id.has_value() == req.contact_id.has_value()) {
    return core::invalid_field("team_id", "give either team_id or contact_id",
                               "Escalate to a team (team_id) or to a contact from the service "
                               "directory (contact_id): one of the two.");
  }
  if (core::trim(req.summary).empty()) {
    return core::invalid_field("summary", "is required",
                               "Write a summary for the people the ticket goes to.");
  }
  if (auto r = check_text("summary", req.summary, kMaxEscalationSummaryBytes); !r) {
    return r.take_error();
  }
  const auto now = ctx_.clock.now();
  return in_write<EscalatedTicket>(ctx_.db, [&](store::Tx& tx) -> Result<EscalatedTicket> {
    auto loaded = load_visible(tx, actor, number);
    if (!loaded) return loaded.take_error();
    const core::Ticket before = std::move(*loaded);
    if (before.status == core::Status::resolved || before.status == core::Status::closed) {
      return make_error(Errc::conflict,
                        "ticket #" + std::to_string(number) + " is " +
                            std::string(core::to_string(before.status)) +
                            ": reopen it before escalating",
                        {{"status", "must not be resolved or closed"}});
    }
    core::Escalation e;
    e.ticket_number = number;
    e.summary = req.summary;
    e.from_team_id = before.team_id;
    e.from_assignee_id = before.assignee_id;
    if (actor.id > 0) e.by_id = actor.id;
    e.at = now;
    if (req.team_id) {
      if (!tx.organizations().team_by_id(*req.team_id)) {
        return core::invalid_field("team_id", "no such team",
                                   "There is no team " + std::to_string(*req.team_id) + ".");
      }
      if (before.team_id == req.team_id) {
        return make_error(Errc::conflict, "the ticket is already in that team's queue",
                          {{"team_id", "is the ticket's team already"}});
      }
      e.team_id = req.team_id;
      TicketChanges move;
      move.team_id = req.team_id;
      if (before.assignee_id && !is_member(tx, req.team_id, *before.assignee_id)) {
        move.assignee_id = std::optional<Id>();
      }
      if (auto moved = tickets_.update_in(tx, actor, number, move, std::nullopt, now); !moved) {
        return moved.take_error();
      }
    } else {
      auto service_id = tx.escalations().service_of_contact(*req.contact_id);
      auto service = service_id ? tx.services().service_by_id(*service_id) : std::nullopt;
      auto contact = service ? find_contact(*service, *req.contact_id) : std::nullopt;
      if (!contact) {
        return core::invalid_field("contact_id", "no such contact in the service directory",
                                   "There is no contact " + std::to_string(*req.contact_id) +
                                       " in the service directory.");
      }
      e.contact_id = req.contact_id;
      e.service_id = service_id;
      e.contact_label = std::string(core::to_string(contact->kind)) + " " + contact->value;
    }
    e.id = tx.escalations().insert_escalation(e);
    auto ticket = touch(tx, number, before.version, now);
    if (!ticket) return ticket.take_error();
    record_event(tx, actor, number, core::EventType::ticket_escalated,
                 EventData()
                     .add("escalation_id", e.id)
                     .add("team_id", e.team_id)
                     .add("contact_id", e.contact_id)
                     .add("summary", e.summary)
                     .str(),
                 now);
    return EscalatedTicket{core::as_seen_by(actor, std::move(*ticket)),
                           current_escalation_view(tx, number)};
  });
}

Result<EscalatedTicket> Escalations::deescalate(const core::Actor& actor, Id number,
                                                std::string_view note) {
  if (!actor.is_staff()) return staff_only();
  if (auto r = check_text("note", note, kMaxNoteBytes); !r) return r.take_error();
  const auto now = ctx_.clock.now();
  return in_write<EscalatedTicket>(ctx_.db, [&](store::Tx& tx) -> Result<EscalatedTicket> {
    auto loaded = load_visible(tx, actor, number);
    if (!loaded) return loaded.take_error();
    const core::Ticket before = std::move(*loaded);
    if (before.status == core::Status::closed) {
      return make_error(Errc::conflict, "ticket #" + std::to_string(number) + " is closed");
    }
    auto current = tx.escalations().current_escalation(number);
    if (!current) {
      return make_error(Errc::conflict, "ticket #" + std::to_string(number) + " is not escalated");
    }
    // A team escalation goes back where it came from (if that team still exists); a contact
    // escalation never moved the ticket.
    std::optional<Id> returned_to;
    if (current->team_id) {
      TicketChanges back;
      if (current->from_team_id && tx.organizations().team_by_id(*current->from_team_id)) {
        returned_to = current->from_team_id;
      }
      back.team_id = returned_to;
      std::optional<Id> assignee;
      if (current->from_assignee_id) {
        auto u = tx.accounts().user_by_id(*current->from_assignee_id);
        if (u && !u->disabled && u->role != core::Role::customer) assignee = u->id;
      }
      back.assignee_id = assignee;
      auto moved = tickets_.update_in(tx, actor, number, back, std::nullopt, now);
      if (!moved) return moved.take_error();
    } else {
      returned_to = before.team_id;
    }
    tx.escalations().end_escalation(current->id,
                                    actor.id > 0 ? std::optional<Id>(actor.id) : std::nullopt, now);
    auto ticket = touch(tx, number, before.version, now);
    if (!ticket) return ticket.take_error();
    record_event(tx, actor, number, core::EventType::ticket_deescalated,
                 EventData()
                     .add("escalation_id", current->id)
                     .add("team_id", returned_to)
                     .add("note", note)
                     .str(),
                 now);
    return EscalatedTicket{core::as_seen_by(actor, std::move(*ticket)),
                           current_escalation_view(tx, number)};
  });
}

}  // namespace frontline::app
