// The service directory (issue 15): staff add and change services, their contacts and call
// trees; every save keeps a revision (who, when, the whole entry) that can be restored; anyone
// signed in searches by name, keyword or any URL on a service's hosts — customers see public
// services and their public contacts only, never revisions. Orphans are the services nobody can
// be reached for (core::orphan_reason), with their open tickets. "Overdue" is computed from the
// context's clock on every read. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/result.hpp"
#include "core/service.hpp"
#include "store/tx.hpp"

namespace frontline::app {

inline constexpr std::size_t kMaxServiceNameBytes = 200;
inline constexpr std::size_t kMaxServiceListItems = 50;  // URLs, keywords, contacts each
inline constexpr int kMaxReviewIntervalDays = 3650;

// One contact as a request gives it. id: an existing contact of the service, kept with its
// verification (PATCH); absent: a new one.
struct ContactDraft {
  std::optional<core::Id> id;
  std::optional<core::ContactKind> kind;
  std::string value;
  std::vector<core::CallTreeStep> call_tree;
  std::string hours;
  std::string time_zone;
  bool is_public = false;
  bool escalation = false;
  std::optional<int> escalation_order;  // default: their order among the escalation contacts
  bool is_primary = false;
  bool active = true;
  std::string notes;
  std::optional<std::int64_t> review_interval_days;  // default core::kDefaultReviewIntervalDays
};

// A new service (name required) or the parts a PATCH replaces (absent parts stay). contacts
// replaces the whole list: listed ids stay, new ones are added, unlisted ones removed.
struct ServiceDraft {
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::vector<std::string>> urls;
  std::optional<std::vector<std::string>> keywords;
  std::optional<std::optional<core::Id>> team_id;
  std::optional<bool> is_public;
  std::optional<std::vector<ContactDraft>> contacts;
};

struct ContactCheck {
  core::VerificationMethod how = core::VerificationMethod::called;
  core::VerificationResult result = core::VerificationResult::works;
};

// A service as its reader may see it, with each contact's review state at the time of reading.
struct ServiceView {
  core::Service service;
  std::vector<bool> overdue;  // per contact of service.contacts
};

struct OrphanService {
  ServiceView service;
  core::OrphanReason reason = core::OrphanReason::no_active_contact;
  std::int64_t open_tickets = 0;
};

// A contact of a team's service past its review date (docs/services.md, overdue contacts).
struct OverdueContactView {
  core::Id service_id = 0;
  std::string service_name;
  core::ServiceContact contact;
  core::UnixTime overdue_since = 0;  // core::review_due_at
};

class Directory {
 public:
  explicit Directory(Context& ctx) : ctx_(ctx) {}

  // Staff only. conflict when the name is taken; invalid naming the field otherwise.
  core::Result<ServiceView> create(const core::Actor& actor, const ServiceDraft& draft);
  // not_found also for a customer and a service that is not public.
  core::Result<ServiceView> get(const core::Actor& actor, core::Id id);
  // stale when if_match is set and names none of the service's version (its ETag).
  core::Result<ServiceView> update(const core::Actor& actor, core::Id id, const ServiceDraft& draft,
                                   const std::optional<std::vector<std::int64_t>>& if_match = {});
  // Empty q: every service the caller may see; else by part of the name, a whole keyword, or
  // the host of a URL (any URL on the host).
  core::Result<std::vector<ServiceView>> search(const core::Actor& actor, std::string_view q);

  // Staff only; oldest (the creation) first.
  core::Result<std::vector<core::ServiceRevision>> revisions(const core::Actor& actor, core::Id id);
  core::Result<core::ServiceRevision> revision(const core::Actor& actor, core::Id id,
                                               core::Id revision_id);
  // Saves `state` (revision_id's snapshot, decoded by the caller) as the service's new state: a
  // new revision that names the one restored. Contacts removed since come back as new contacts.
  core::Result<ServiceView> restore(const core::Actor& actor, core::Id id, core::Id revision_id,
                                    const ServiceDraft& state);

  // Staff only: records that a contact was checked now by the actor; "wrong" makes it inactive,
  // "works" active again.
  core::Result<ServiceView> verify_contact(const core::Actor& actor, core::Id id,
                                           core::Id contact_id, const ContactCheck& check);

  // Staff working ticket `ticket_number` report a contact wrong: an event on the ticket that
  // notifies the members of the service's team (app/notifications). note: what was wrong.
  core::Done report_wrong(const core::Actor& actor, core::Id id, core::Id contact_id,
                          core::Id ticket_number, std::string_view note);

  // Staff only: every orphan service by name, with its open tickets.
  core::Result<std::vector<OrphanService>> orphans(const core::Actor& actor);
  // Staff only: the contacts of team_id's services overdue for review, the longest overdue first
  // (at most 1000). invalid on team_id for a team that does not exist.
  core::Result<std::vector<OverdueContactView>> overdue_contacts(const core::Actor& actor,
                                                                 core::Id team_id);
  // How many services are orphans now, for /metrics (no caller: an operator's gauge).
  core::Result<std::size_t> orphan_count();

 private:
  core::Result<ServiceView> save(const core::Actor& actor, core::Id id, const ServiceDraft& draft,
                                 std::optional<core::Id> restored_from,
                                 const std::optional<std::vector<std::int64_t>>& if_match);
  ServiceView view(const core::Actor& actor, core::Service service) const;
  Context& ctx_;
};

// Every orphan service by name, as staff see it, with its open tickets (overdue at `now`): the
// orphans page, /metrics and the morning reports of the services' team leads.
std::vector<OrphanService> find_orphans(store::Tx& tx, core::UnixTime now);

// The JSON a revision keeps: the service in the shape a PATCH takes (contacts with their ids),
// so restoring a revision is that PATCH.
std::string service_snapshot(const core::Service& service);

}  // namespace frontline::app
