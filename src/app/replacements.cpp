// Replacement use cases (see header).
#include "app/replacements.hpp"

#include <algorithm>

#include "app/event_data.hpp"
#include "app/ticket_access.hpp"
#include "core/text.hpp"

namespace frontline::app {
namespace {

using core::Errc;
using core::Id;
using core::make_error;
using core::ReplacementStatus;
using core::Result;

constexpr int kMaxListLimit = 500;

core::Error staff_only() {
  return make_error(Errc::forbidden, "only the support team does this with a replacement");
}

core::Error no_such(Id id) {
  return make_error(Errc::not_found, "replacement " + std::to_string(id) + " not found");
}

// A replacement on a ticket the actor may see; not_found for both "no such" and "not yours".
Result<core::Replacement> load(store::Tx& tx, const core::Actor& actor, Id id) {
  auto r = tx.replacements().replacement_by_id(id);
  if (!r) return no_such(id);
  if (auto t = load_visible(tx, actor, r->ticket_number); !t) return no_such(id);
  return std::move(*r);
}

core::Done check_required_line(std::string_view field, const std::string& value) {
  if (core::trim(value).empty()) return core::invalid_field(std::string(field), "is required");
  return core::check_one_line(field, value, core::kMaxReplacementLineBytes);
}

// Applies address values (trimmed) to `a`; the keys whose value changed, as "address.<key>".
Result<std::vector<std::string>> apply_address(core::ShippingAddress& a,
                                               const AddressValues& values) {
  std::vector<std::string> changed;
  for (const auto& [key, raw] : values) {
    std::string* field = core::address_field(a, key);
    if (!field) return core::invalid_field("address." + key, "is not an address field");
    if (auto r = core::check_address_value(key, raw); !r) return r.take_error();
    std::string value(core::trim(raw));
    if (*field == value) continue;
    *field = std::move(value);
    const std::string name = "address." + key;
    if (std::find(changed.begin(), changed.end(), name) == changed.end()) changed.push_back(name);
  }
  return changed;
}

// Saves r as its next version, or conflict when someone else saved first.
Result<core::Replacement> save(store::Tx& tx, core::Replacement r, core::UnixTime now) {
  r.updated_at = now;
  r.version += 1;
  if (!tx.replacements().update_replacement(r)) {
    return make_error(Errc::conflict,
                      "this replacement was changed meanwhile: reload it and try again",
                      {{"version", "is stale"}});
  }
  return std::move(*tx.replacements().replacement_by_id(r.id));
}

void record(store::Tx& tx, const core::Actor& actor, const core::Replacement& r,
            core::EventType type, EventData data, core::UnixTime now) {
  record_event(tx, actor, r.ticket_number, type, data.str(), now);
}

// Sets the address back to unconfirmed when a confirmed one changed.
void unconfirm_if_changed(core::Replacement& r, const std::vector<std::string>& changed) {
  if (changed.empty() || r.status != ReplacementStatus::confirmed) return;
  r.status = ReplacementStatus::requested;
  r.confirmed_at.reset();
  r.confirmed_by.reset();
}

Result<core::Replacement> confirm_in(store::Tx& tx, const core::Actor& actor, core::Replacement r,
                                     core::UnixTime now) {
  if (auto ok = core::check_transition(r, ReplacementStatus::confirmed); !ok) {
    return ok.take_error();
  }
  r.status = ReplacementStatus::confirmed;
  r.confirmed_at = now;
  r.confirmed_by = actor.id;
  auto saved = save(tx, std::move(r), now);
  if (!saved) return saved;
  record(tx, actor, *saved, core::EventType::replacement_confirmed,
         EventData()
             .add("replacement_id", saved->id)
             .add("by_role", actor.is_staff() ? "staff" : "customer"),
         now);
  return saved;
}

// Records replacement_updated for a change of the public fields (none when only the internal
// reason changed).
void record_updated(store::Tx& tx, const core::Actor& actor, const core::Replacement& r,
                    const std::vector<std::string>& changed, core::UnixTime now) {
  if (changed.empty()) return;
  record(tx, actor, r, core::EventType::replacement_updated,
         EventData()
             .add("replacement_id", r.id)
             .add("changed", changed)
             .add("status", core::to_string(r.status)),
         now);
}

}  // namespace

core::ChatForm shipping_address_form() {
  using T = core::FormFieldType;
  core::ChatForm form;
  form.title = "Shipping address";
  form.fields = {{"name", "Full name", T::text, true, {}},
                 {"organization", "Organization", T::text, false, {}},
                 {"line1", "Street address", T::text, true, {}},
                 {"line2", "Apartment, suite, room", T::text, false, {}},
                 {"city", "City", T::text, true, {}},
                 {"region", "State or region", T::text, false, {}},
                 {"postal_code", "Postal code", T::text, true, {}},
                 {"country", "Country", T::text, true, {}},
                 {"phone", "Phone (or email below)", T::phone, false, {}},
                 {"email", "Email (or phone above)", T::email, false, {}}};
  return form;
}

std::vector<core::Replacement> ticket_replacements_in(store::Tx& tx, Id number) {
  return tx.replacements().ticket_replacements(number);
}

Result<core::Replacement> fill_address_and_confirm_in(store::Tx& tx, const core::Actor& actor,
                                                      Id replacement_id, Id number,
                                                      const AddressValues& values,
                                                      core::UnixTime now) {
  auto found = tx.replacements().replacement_by_id(replacement_id);
  if (!found || found->ticket_number != number) return no_such(replacement_id);
  core::Replacement r = std::move(*found);
  if (auto ok = core::check_editable(r); !ok) return ok.take_error();
  // The form is the whole address: what the customer left empty is empty.
  AddressValues whole;
  for (auto key : core::kAddressKeys) {
    auto given =
        std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == key; });
    whole.emplace_back(std::string(key), given == values.end() ? "" : given->second);
  }
  // Errors name the form's fields (the address keys), as for any chat form.
  auto rename = [](core::Error e) {
    for (auto& f : e.fields) {
      if (f.field.starts_with("address.")) f.field.erase(0, 8);
    }
    return e;
  };
  auto changed = apply_address(r.address, whole);
  if (!changed) return rename(changed.take_error());
  const auto missing = core::address_missing(r.address);
  if (!missing.empty()) {
    std::vector<core::FieldError> errors;
    for (auto key : missing) errors.push_back({std::string(key), "is required"});
    return make_error(Errc::invalid, "fill in the required fields of the shipping address",
                      std::move(errors));
  }
  unconfirm_if_changed(r, *changed);
  if (!changed->empty()) {
    auto saved = save(tx, std::move(r), now);
    if (!saved) return saved;
    record_updated(tx, actor, *saved, *changed, now);
    r = std::move(*saved);
  }
  if (r.status == ReplacementStatus::confirmed) return r;  // the same address, confirmed before
  auto confirmed = confirm_in(tx, actor, std::move(r), now);
  if (!confirmed) return rename(confirmed.take_error());
  return confirmed;
}

Result<core::Replacement> Replacements::create(const core::Actor& actor, Id number,
                                               const NewReplacement& in) {
  if (!actor.is_staff()) return staff_only();
  if (auto r = check_required_line("model", in.model); !r) return r.take_error();
  if (auto r = core::check_one_line("serial", in.serial, core::kMaxReplacementLineBytes); !r) {
    return r.take_error();
  }
  if (auto r = check_text("reason", in.reason, core::kMaxReplacementReasonBytes); !r) {
    return r.take_error();
  }
  core::Replacement r;
  r.ticket_number = number;
  r.model = std::string(core::trim(in.model));
  r.serial = std::string(core::trim(in.serial));
  r.reason = in.reason;
  if (auto applied = apply_address(r.address, in.address); !applied) return applied.take_error();
  const auto now = ctx_.clock.now();
  r.created_by = actor.id;
  r.created_at = now;
  r.updated_at = now;
  r.version = 1;
  return in_write<core::Replacement>(ctx_.db, [&](store::Tx& tx) -> Result<core::Replacement> {
    auto t = load_visible(tx, actor, number);
    if (!t) return t.take_error();
    if (t->status == core::Status::closed) {
      return make_error(Errc::conflict, "ticket #" + std::to_string(number) +
                                            " is closed: reopen it to send a replacement");
    }
    core::Replacement stored = r;
    stored.id = tx.replacements().insert_replacement(stored);
    record(tx, actor, stored, core::EventType::replacement_requested,
           EventData()
               .add("replacement_id", stored.id)
               .add("model", stored.model)
               .add("serial", stored.serial),
           now);
    return std::move(*tx.replacements().replacement_by_id(stored.id));
  });
}

Result<std::vector<core::Replacement>> Replacements::for_ticket(const core::Actor& actor,
                                                                Id number) {
  return in_read<std::vector<core::Replacement>>(
      ctx_.db, [&](store::Tx& tx) -> Result<std::vector<core::Replacement>> {
        auto t = load_visible(tx, actor, number);
        if (!t) return t.take_error();
        return ticket_replacements_in(tx, number);
      });
}

Result<core::Replacement> Replacements::get(const core::Actor& actor, Id id) {
  return in_read<core::Replacement>(ctx_.db, [&](store::Tx& tx) { return load(tx, actor, id); });
}

Result<std::vector<core::Replacement>> Replacements::list(const core::Actor& actor,
                                                          const ReplacementQuery& q) {
  if (!actor.is_staff()) return staff_only();
  store::ReplacementFilter f;
  f.status = q.status;
  f.limit = std::clamp(q.limit, 1, kMaxListLimit);
  return in_read<std::vector<core::Replacement>>(ctx_.db, [&](store::Tx& tx) {
    return Result<std::vector<core::Replacement>>(tx.replacements().list_replacements(f));
  });
}

Result<core::Replacement> Replacements::update(const core::Actor& actor, Id id,
                                               const ReplacementChanges& c) {
  if (!actor.is_staff()) {
    for (const auto& [field, set] :
         {std::pair{"model", c.model.has_value()}, std::pair{"serial", c.serial.has_value()},
          std::pair{"reason", c.reason.has_value()}}) {
      if (set) {
        return make_error(Errc::forbidden, "customers change only the shipping address",
                          {{field, "only the support team changes this"}});
      }
    }
  }
  if (!c.version) return core::invalid_field("version", "is required");
  if (c.model) {
    if (auto r = check_required_line("model", *c.model); !r) return r.take_error();
  }
  if (c.serial) {
    if (auto r = core::check_one_line("serial", *c.serial, core::kMaxReplacementLineBytes); !r) {
      return r.take_error();
    }
  }
  if (c.reason) {
    if (auto r = check_text("reason", *c.reason, core::kMaxReplacementReasonBytes); !r) {
      return r.take_error();
    }
  }
  const auto now = ctx_.clock.now();
  return in_write<core::Replacement>(ctx_.db, [&](store::Tx& tx) -> Result<core::Replacement> {
    auto loaded = load(tx, actor, id);
    if (!loaded) return loaded;
    core::Replacement r = std::move(*loaded);
    if (*c.version != r.version) {
      return make_error(Errc::conflict,
                        "this replacement was changed meanwhile (version " +
                            std::to_string(r.version) + "): reload it and try again",
                        {{"version", "is stale"}});
    }
    if (auto ok = core::check_editable(r); !ok) return ok.take_error();
    std::vector<std::string> changed;
    auto set = [&](const char* name, std::string& field, const std::optional<std::string>& to) {
      if (!to) return;
      std::string value(core::trim(*to));
      if (field == value) return;
      field = std::move(value);
      changed.emplace_back(name);
    };
    set("model", r.model, c.model);
    set("serial", r.serial, c.serial);
    auto address = apply_address(r.address, c.address);
    if (!address) return address.take_error();
    changed.insert(changed.end(), address->begin(), address->end());
    const bool reason_changed = c.reason && *c.reason != r.reason;
    if (reason_changed) r.reason = *c.reason;
    if (changed.empty() && !reason_changed) return r;
    unconfirm_if_changed(r, *address);
    auto saved = save(tx, std::move(r), now);
    if (!saved) return saved;
    record_updated(tx, actor, *saved, changed, now);
    return saved;
  });
}

Result<core::Replacement> Replacements::confirm(const core::Actor& actor, Id id) {
  const auto now = ctx_.clock.now();
  return in_write<core::Replacement>(ctx_.db, [&](store::Tx& tx) -> Result<core::Replacement> {
    auto r = load(tx, actor, id);
    if (!r) return r;
    return confirm_in(tx, actor, std::move(*r), now);
  });
}

Result<core::Replacement> Replacements::ship(const core::Actor& actor, Id id, const Shipment& s) {
  if (!actor.is_staff()) return staff_only();
  if (auto r = check_required_line("carrier", s.carrier); !r) return r.take_error();
  if (auto r = check_required_line("tracking_number", s.tracking_number); !r) {
    return r.take_error();
  }
  if (s.sent_model) {
    if (auto r = core::check_one_line("sent_model", *s.sent_model, core::kMaxReplacementLineBytes);
        !r) {
      return r.take_error();
    }
  }
  if (auto r = core::check_one_line("sent_serial", s.sent_serial, core::kMaxReplacementLineBytes);
      !r) {
    return r.take_error();
  }
  const auto now = ctx_.clock.now();
  return in_write<core::Replacement>(ctx_.db, [&](store::Tx& tx) -> Result<core::Replacement> {
    auto loaded = load(tx, actor, id);
    if (!loaded) return loaded;
    core::Replacement r = std::move(*loaded);
    if (auto ok = core::check_transition(r, ReplacementStatus::shipped); !ok) {
      return ok.take_error();
    }
    r.status = ReplacementStatus::shipped;
    r.carrier = std::string(core::trim(s.carrier));
    r.tracking_number = std::string(core::trim(s.tracking_number));
    const std::string sent_model(core::trim(s.sent_model.value_or("")));
    r.sent_model = sent_model.empty() ? r.model : sent_model;
    r.sent_serial = std::string(core::trim(s.sent_serial));
    r.shipped_at = now;
    auto saved = save(tx, std::move(r), now);
    if (!saved) return saved;
    record(tx, actor, *saved, core::EventType::replacement_shipped,
           EventData()
               .add("replacement_id", saved->id)
               .add("carrier", saved->carrier)
               .add("tracking_number", saved->tracking_number)
               .add("sent_model", saved->sent_model),
           now);
    return saved;
  });
}

Result<core::Replacement> Replacements::move(const core::Actor& actor, Id id,
                                             ReplacementStatus to) {
  if (!actor.is_staff()) return staff_only();
  const auto now = ctx_.clock.now();
  return in_write<core::Replacement>(ctx_.db, [&](store::Tx& tx) -> Result<core::Replacement> {
    auto loaded = load(tx, actor, id);
    if (!loaded) return loaded;
    core::Replacement r = std::move(*loaded);
    if (auto ok = core::check_transition(r, to); !ok) return ok.take_error();
    r.status = to;
    (to == ReplacementStatus::delivered ? r.delivered_at : r.returned_at) = now;
    auto saved = save(tx, std::move(r), now);
    if (!saved) return saved;
    record(tx, actor, *saved,
           to == ReplacementStatus::delivered ? core::EventType::replacement_delivered
                                              : core::EventType::replacement_returned,
           EventData().add("replacement_id", saved->id), now);
    return saved;
  });
}

Result<core::Replacement> Replacements::mark_delivered(const core::Actor& actor, Id id) {
  return move(actor, id, ReplacementStatus::delivered);
}

Result<core::Replacement> Replacements::mark_returned(const core::Actor& actor, Id id) {
  return move(actor, id, ReplacementStatus::returned);
}

Result<core::Replacement> Replacements::cancel(const core::Actor& actor, Id id,
                                               const std::string& reason) {
  if (!actor.is_staff()) return staff_only();
  if (auto r = check_text("reason", reason, core::kMaxReplacementReasonBytes); !r) {
    return r.take_error();
  }
  const auto now = ctx_.clock.now();
  return in_write<core::Replacement>(ctx_.db, [&](store::Tx& tx) -> Result<core::Replacement> {
    auto loaded = load(tx, actor, id);
    if (!loaded) return loaded;
    core::Replacement r = std::move(*loaded);
    if (auto ok = core::check_transition(r, ReplacementStatus::cancelled); !ok) {
      return ok.take_error();
    }
    const auto before = r.status;
    r.status = ReplacementStatus::cancelled;
    r.cancelled_at = now;
    r.cancel_reason = reason;
    auto saved = save(tx, std::move(r), now);
    if (!saved) return saved;
    record(tx, actor, *saved, core::EventType::replacement_cancelled,
           EventData().add("replacement_id", saved->id).add("status", core::to_string(before)),
           now);
    return saved;
  });
}

}  // namespace frontline::app
