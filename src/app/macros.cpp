// Macros (see header). Field changes and the reply go through Tickets::update_in and
// add_message_in, so a macro obeys the same rules and logs the same events as PATCH and a reply.
#include "app/macros.hpp"

#include <algorithm>

#include "app/mail_templates.hpp"
#include "app/validation.hpp"
#include "core/text.hpp"

namespace frontline::app {
namespace {

using core::Errc;
using core::Id;
using core::make_error;
using core::Result;

core::Error staff_only() { return make_error(Errc::forbidden, "macros are for the support team"); }

core::Error no_such_macro() { return make_error(Errc::not_found, "macro not found"); }

// Someone else's personal macro is not there, as far as the caller can tell.
bool visible_to(const core::Actor& actor, const core::Macro& m) {
  return m.shared() || *m.owner_id == actor.id;
}

bool may_manage(const core::Actor& actor, const core::Macro& m) {
  return m.shared() ? actor.role == core::Role::admin : *m.owner_id == actor.id;
}

// Checks what can be checked before any ticket is at hand; the ticket rules (tag spelling, an
// assignee who is an active agent, a team that exists) run again when the macro is applied.
Result<core::Unit> check_macro(store::Tx& tx, const core::Macro& m) {
  if (m.reply.size() > kMaxBodyBytes || !core::is_valid_utf8(m.reply)) {
    return core::invalid_field("reply", "must be valid text of at most 512 KB");
  }
  if (m.category && (m.category->size() > 100 || !core::is_valid_utf8(*m.category))) {
    return core::invalid_field("category", "must be at most 100 characters");
  }
  if (m.assignee_id && *m.assignee_id) {
    auto user = tx.accounts().user_by_id(**m.assignee_id);
    if (!user || user->role == core::Role::customer || user->disabled) {
      return core::invalid_field("assignee_id", "is not an active agent");
    }
  }
  if (m.team_id && *m.team_id && !tx.organizations().team_by_id(**m.team_id)) {
    return core::invalid_field("team_id", "no such team");
  }
  for (const auto* tags : {&m.add_tags, &m.remove_tags}) {
    for (const auto& tag : *tags) {
      // The store keeps tags space-separated.
      if (tag.empty() || tag.size() > 50 || tag.find_first_of(" \t\r\n") != std::string::npos) {
        return core::invalid_field(tags == &m.add_tags ? "add_tags" : "remove_tags",
                                   "each tag is 1 to 50 characters without spaces");
      }
    }
  }
  return core::Unit{};
}

void copy_changes(core::Macro& to, const core::Macro& from) {
  to.status = from.status;
  to.priority = from.priority;
  to.assign_to_me = from.assign_to_me;
  to.assignee_id = from.assign_to_me ? std::nullopt : from.assignee_id;
  to.team_id = from.team_id;
  to.category = from.category;
  to.add_tags = from.add_tags;
  to.remove_tags = from.remove_tags;
}

}  // namespace

Result<std::vector<core::Macro>> Macros::list(const core::Actor& actor) {
  if (!actor.is_staff()) return staff_only();
  return in_read<std::vector<core::Macro>>(ctx_.db, [&](store::Tx& tx) {
    return Result<std::vector<core::Macro>>(tx.macros().list_macros(actor.id));
  });
}

Result<core::Macro> Macros::create(const core::Actor& actor, core::Macro input, bool shared) {
  if (!actor.is_staff()) return staff_only();
  if (shared && actor.role != core::Role::admin) {
    return make_error(Errc::forbidden, "only an admin may add a shared macro; add it to yours");
  }
  auto name = checked_name("name", input.name, kMaxMacroNameBytes);
  if (!name) return name.take_error();
  core::Macro m;
  m.name = *name;
  m.owner_id = shared ? std::nullopt : std::optional<Id>(actor.id);
  copy_changes(m, input);
  m.reply = std::move(input.reply);
  m.reply_internal = input.reply_internal;
  m.updated_at = ctx_.clock.now();
  return in_write<core::Macro>(ctx_.db, [&](store::Tx& tx) -> Result<core::Macro> {
    if (auto r = check_macro(tx, m); !r) return r.take_error();
    auto existing = tx.macros().list_macros(actor.id);
    const auto same_scope = std::count_if(existing.begin(), existing.end(),
                                          [&](const auto& e) { return e.owner_id == m.owner_id; });
    if (static_cast<std::size_t>(same_scope) >= kMaxMacrosPerOwner) {
      return make_error(Errc::conflict, "at most 200 macros here; remove one first");
    }
    core::Macro stored = m;
    stored.id = tx.macros().insert_macro(stored);
    return stored;
  });
}

Result<core::Macro> Macros::update(const core::Actor& actor, Id id, const MacroEdit& edit) {
  if (!actor.is_staff()) return staff_only();
  std::optional<std::string> name;
  if (edit.name) {
    auto checked = checked_name("name", *edit.name, kMaxMacroNameBytes);
    if (!checked) return checked.take_error();
    name = std::move(*checked);
  }
  const auto now = ctx_.clock.now();
  return in_write<core::Macro>(ctx_.db, [&](store::Tx& tx) -> Result<core::Macro> {
    auto m = tx.macros().macro_by_id(id);
    if (!m || !visible_to(actor, *m)) return no_such_macro();
    if (!may_manage(actor, *m)) return admins_only();
    if (name) m->name = *name;
    if (edit.changes) copy_changes(*m, *edit.changes);
    if (edit.reply) m->reply = *edit.reply;
    if (edit.reply_internal) m->reply_internal = *edit.reply_internal;
    m->updated_at = now;
    if (auto r = check_macro(tx, *m); !r) return r.take_error();
    if (!tx.macros().update_macro(*m)) return no_such_macro();
    return std::move(*m);
  });
}

core::Done Macros::remove(const core::Actor& actor, Id id) {
  if (!actor.is_staff()) return staff_only();
  return in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) -> core::Done {
    auto m = tx.macros().macro_by_id(id);
    if (!m || !visible_to(actor, *m)) return no_such_macro();
    if (!may_manage(actor, *m)) return admins_only();
    tx.macros().delete_macro(id);
    return core::done();
  });
}

Result<MacroApplied> Macros::apply(const core::Actor& actor, Id number, Id macro_id,
                                   const std::optional<std::vector<std::int64_t>>& if_match) {
  if (!actor.is_staff()) return staff_only();
  const auto now = ctx_.clock.now();
  return in_write<MacroApplied>(ctx_.db, [&](store::Tx& tx) -> Result<MacroApplied> {
    auto m = tx.macros().macro_by_id(macro_id);
    if (!m || !visible_to(actor, *m)) return no_such_macro();
    TicketChanges fields;
    fields.priority = m->priority;
    fields.assignee_id = m->assignee_id;
    if (m->assign_to_me) fields.assignee_id = std::optional<Id>(actor.id);
    fields.team_id = m->team_id;
    fields.category = m->category;
    fields.add_tags = m->add_tags;
    fields.remove_tags = m->remove_tags;
    // If-Match is checked here, against the ticket as the caller last saw it.
    auto ticket = tickets_.update_in(tx, actor, number, fields, if_match, now);
    if (!ticket) return ticket.take_error();
    std::optional<core::Message> message;
    if (!core::trim(m->reply).empty()) {
      TemplateValues values;
      values.ticket_number = number;
      values.subject = ticket->subject;
      if (auto requester = tx.accounts().user_by_id(ticket->requester_id)) {
        values.recipient_name = requester->name;
      }
      values.author_name = actor.name;
      const auto kind =
          m->reply_internal ? core::MessageKind::internal_note : core::MessageKind::public_reply;
      auto added =
          tickets_.add_message_in(tx, actor, number, kind, fill(m->reply, values), {}, {}, now);
      if (!added) return added.take_error();
      message = std::move(*added);
    }
    // Last, so a staff reply's "new → open" does not undo a macro that resolves; with no status
    // to set this re-reads the ticket as the message left it.
    TicketChanges status;
    status.status = m->status;
    ticket = tickets_.update_in(tx, actor, number, status, std::nullopt, now);
    if (!ticket) return ticket.take_error();
    return MacroApplied{std::move(*ticket), std::move(message)};
  });
}

}  // namespace frontline::app
