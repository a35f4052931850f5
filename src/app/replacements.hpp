// Hardware replacements on tickets (issue 15): staff record what is replaced (model, serial, an
// internal reason) and, when they have it, the shipping address; the customer fills in or
// corrects the address in the portal (or in a live chat's "Shipping address" form) and confirms
// it; staff ship (carrier, tracking number), then mark it delivered and the faulty unit
// returned, or cancel it before delivery. Every change is a public event on the ticket (never
// carrying the reason), which app/mail_outbox mails to the requester through the "replacement"
// template — except changes the customer made themselves, who get only the confirmation
// receipt. Customers reach the replacements of tickets they may see (404 otherwise) and never
// see the reason. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "core/chat.hpp"
#include "core/replacement.hpp"
#include "core/result.hpp"
#include "store/tx.hpp"

namespace frontline::app {

// Address keys (core::kAddressKeys) and the values to give them, as sent.
using AddressValues = std::vector<std::pair<std::string, std::string>>;

struct NewReplacement {
  std::string model;
  std::string serial;
  std::string reason;
  AddressValues address;
};

// A PATCH: version is required; the rest only when sent. Address keys sent replace those keys.
struct ReplacementChanges {
  std::optional<std::int64_t> version;
  std::optional<std::string> model;
  std::optional<std::string> serial;
  std::optional<std::string> reason;
  AddressValues address;
};

struct Shipment {
  std::string carrier;
  std::string tracking_number;
  std::optional<std::string> sent_model;  // default: the replaced model
  std::string sent_serial;
};

struct ReplacementQuery {
  std::optional<core::ReplacementStatus> status;
  int limit = 100;
};

// The chat form a technician sends to ask for a replacement's address (id 0: built in, not one
// of the admins' forms): one field per address key, named as the key, the required ones marked
// (one of phone and email is checked on submission).
core::ChatForm shipping_address_form();

// The ticket's replacements, oldest first, inside the caller's unit (the ticket page).
std::vector<core::Replacement> ticket_replacements_in(store::Tx& tx, core::Id number);

// The chat's "Shipping address" form, submitted by the customer: in the caller's unit, sets the
// replacement's whole address to `values` (keys left out become empty) and confirms it, as
// `actor` (the chat's customer). invalid naming the form's field (the address key) when a value
// is unfit or a required one is missing; not_found when the replacement is not on ticket
// `number`; conflict once it is shipped or cancelled.
core::Result<core::Replacement> fill_address_and_confirm_in(store::Tx& tx, const core::Actor& actor,
                                                            core::Id replacement_id,
                                                            core::Id number,
                                                            const AddressValues& values,
                                                            core::UnixTime now);

class Replacements {
 public:
  explicit Replacements(Context& ctx) : ctx_(ctx) {}

  // Staff only (forbidden before any lookup). invalid naming model, serial, reason or
  // address.<key>; conflict on a closed ticket.
  core::Result<core::Replacement> create(const core::Actor& actor, core::Id number,
                                         const NewReplacement& input);
  // Staff, and customers who may see the ticket (not_found otherwise); oldest first.
  core::Result<std::vector<core::Replacement>> for_ticket(const core::Actor& actor,
                                                          core::Id number);
  // As for_ticket: not_found for a replacement on a ticket the caller may not see.
  core::Result<core::Replacement> get(const core::Actor& actor, core::Id id);
  // Staff only: newest first, of one status when given.
  core::Result<std::vector<core::Replacement>> list(const core::Actor& actor,
                                                    const ReplacementQuery& q);
  // Staff change model, serial, reason and address; customers the address only (forbidden
  // naming the field otherwise). invalid without version; conflict when the version is stale,
  // or once shipped or cancelled. A changed address of a confirmed replacement sets it back to
  // requested (the customer confirms again).
  core::Result<core::Replacement> update(const core::Actor& actor, core::Id id,
                                         const ReplacementChanges& changes);
  // The customer, or staff recording the customer's word. Only from requested (conflict);
  // invalid naming each missing address.<key>.
  core::Result<core::Replacement> confirm(const core::Actor& actor, core::Id id);
  // Staff only. invalid naming carrier / tracking_number; conflict unless confirmed.
  core::Result<core::Replacement> ship(const core::Actor& actor, core::Id id, const Shipment& s);
  core::Result<core::Replacement> mark_delivered(const core::Actor& actor, core::Id id);
  core::Result<core::Replacement> mark_returned(const core::Actor& actor, core::Id id);
  // Staff only, before delivery; reason (internal, optional) is kept as cancel_reason.
  core::Result<core::Replacement> cancel(const core::Actor& actor, core::Id id,
                                         const std::string& reason);

 private:
  core::Result<core::Replacement> move(const core::Actor& actor, core::Id id,
                                       core::ReplacementStatus to);

  Context& ctx_;
};

}  // namespace frontline::app
