// The service directory's use cases (see directory.hpp).
#include "app/directory.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "app/event_data.hpp"
#include "app/service_drafts.hpp"
#include "app/ticket_access.hpp"
#include "core/text.hpp"

namespace frontline::app {
namespace {

using core::Errc;
using core::Id;
using core::make_error;
using core::Result;

// The directory holds hundreds of services, not millions: the orphan check reads them all.
constexpr int kMaxDirectoryRead = 10000;
constexpr std::size_t kMaxOverdueListed = 1000;
constexpr int kMaxSearchResults = 100;
constexpr std::size_t kMaxReportNoteBytes = 2000;

core::Error staff_only() {
  return make_error(Errc::forbidden, "the service directory is kept by the support team");
}

core::Error no_such_service(Id id) {
  return make_error(Errc::not_found, "service " + std::to_string(id) + " not found");
}

// Another service already has this name (names are unique ignoring case).
bool name_taken(store::Tx& tx, const core::Service& s) {
  auto other = tx.services().service_by_name(s.name);
  return other && other->id != s.id;
}

core::Error name_conflict(const std::string& name) {
  return make_error(Errc::conflict, "a service named " + name + " already exists",
                    {{"name", "already exists"}});
}

// Team members who can still be reached (accounts not disabled).
std::size_t active_members(store::Tx& tx, const core::Team& team) {
  return static_cast<std::size_t>(
      std::count_if(team.member_ids.begin(), team.member_ids.end(), [&](Id user_id) {
        auto u = tx.accounts().user_by_id(user_id);
        return u && !u->disabled;
      }));
}

}  // namespace

ServiceView Directory::view(const core::Actor& actor, core::Service service) const {
  if (!actor.is_staff()) {
    std::erase_if(service.contacts,
                  [](const core::ServiceContact& c) { return !c.is_public || !c.active; });
  }
  const auto now = ctx_.clock.now();
  ServiceView v;
  for (const auto& c : service.contacts) v.overdue.push_back(core::is_overdue(c, now));
  v.service = std::move(service);
  return v;
}

Result<ServiceView> Directory::create(const core::Actor& actor, const ServiceDraft& draft) {
  if (!actor.is_staff()) return staff_only();
  if (!draft.name) return core::invalid_field("name", "is required");
  const auto now = ctx_.clock.now();
  return in_write<ServiceView>(ctx_.db, [&](store::Tx& tx) -> Result<ServiceView> {
    core::Service s;
    if (auto r = apply_draft(tx, s, draft, false, now); !r) return r.take_error();
    if (name_taken(tx, s)) return name_conflict(s.name);
    s.created_at = s.updated_at = now;
    s.id = tx.services().insert_service(s);
    auto stored = tx.services().service_by_id(s.id);
    core::ServiceRevision rev;
    rev.service_id = s.id;
    rev.author_id = actor.id ? std::optional<Id>(actor.id) : std::nullopt;
    rev.created_at = now;
    rev.snapshot = service_snapshot(*stored);
    const Id rev_id = tx.services().insert_revision(rev);
    record_event(
        tx, actor, std::nullopt, core::EventType::service_created,
        EventData().add("service_id", s.id).add("name", s.name).add("revision_id", rev_id).str(),
        now);
    return view(actor, std::move(*stored));
  });
}

Result<ServiceView> Directory::get(const core::Actor& actor, Id id) {
  return in_read<ServiceView>(ctx_.db, [&](store::Tx& tx) -> Result<ServiceView> {
    auto s = tx.services().service_by_id(id);
    if (!s || (!actor.is_staff() && !s->is_public)) return no_such_service(id);
    return view(actor, std::move(*s));
  });
}

Result<ServiceView> Directory::update(const core::Actor& actor, Id id, const ServiceDraft& draft,
                                      const std::optional<std::vector<std::int64_t>>& if_match) {
  if (!actor.is_staff()) return staff_only();
  return save(actor, id, draft, std::nullopt, if_match);
}

Result<ServiceView> Directory::restore(const core::Actor& actor, Id id, Id revision_id,
                                       const ServiceDraft& state) {
  if (!actor.is_staff()) return staff_only();
  return save(actor, id, state, revision_id, std::nullopt);
}

// An update, or a restore when restored_from is set: the entry changes, and a revision keeps it.
Result<ServiceView> Directory::save(const core::Actor& actor, Id id, const ServiceDraft& draft,
                                    std::optional<Id> restored_from,
                                    const std::optional<std::vector<std::int64_t>>& if_match) {
  const auto now = ctx_.clock.now();
  return in_write<ServiceView>(ctx_.db, [&](store::Tx& tx) -> Result<ServiceView> {
    auto s = tx.services().service_by_id(id);
    if (!s) return no_such_service(id);
    if (if_match && std::find(if_match->begin(), if_match->end(), s->version) == if_match->end()) {
      return make_error(Errc::stale, "service " + std::to_string(id) +
                                         " was changed by someone else; reload and try again");
    }
    if (restored_from && !tx.services().revision_by_id(id, *restored_from)) {
      return make_error(Errc::not_found, "revision " + std::to_string(*restored_from) +
                                             " of service " + std::to_string(id) + " not found");
    }
    const std::string before = service_snapshot(*s);
    if (auto r = apply_draft(tx, *s, draft, restored_from.has_value(), now); !r) {
      return r.take_error();
    }
    // A PATCH that changes nothing writes nothing: no new version, no revision to scroll past.
    if (!restored_from && service_snapshot(*s) == before) return view(actor, std::move(*s));
    if (name_taken(tx, *s)) return name_conflict(s->name);
    s->updated_at = now;
    s->version += 1;
    if (!tx.services().update_service(*s)) {
      return make_error(Errc::stale, "service " + std::to_string(id) +
                                         " was changed by someone else; reload and try again");
    }
    auto stored = tx.services().service_by_id(id);
    core::ServiceRevision rev;
    rev.service_id = id;
    rev.author_id = actor.id ? std::optional<Id>(actor.id) : std::nullopt;
    rev.created_at = now;
    rev.snapshot = service_snapshot(*stored);
    rev.restored_from = restored_from;
    const Id rev_id = tx.services().insert_revision(rev);
    if (restored_from) {
      record_event(tx, actor, std::nullopt, core::EventType::service_restored,
                   EventData()
                       .add("service_id", id)
                       .add("revision_id", rev_id)
                       .add("restored_from", *restored_from)
                       .str(),
                   now);
    } else {
      record_event(tx, actor, std::nullopt, core::EventType::service_updated,
                   EventData().add("service_id", id).add("revision_id", rev_id).str(), now);
    }
    return view(actor, std::move(*stored));
  });
}

Result<std::vector<ServiceView>> Directory::search(const core::Actor& actor, std::string_view q) {
  store::ServiceFilter f;
  const std::string text(core::trim(q));
  if (!core::is_valid_utf8(text) || text.size() > 2000) {
    return core::invalid_field("q", "must be valid text of at most 2000 bytes");
  }
  f.match_all = text.empty();
  f.name_contains = text;
  f.keyword = text;
  f.host = core::normalise_host(text);
  f.public_only = !actor.is_staff();
  f.limit = kMaxSearchResults;
  return in_read<std::vector<ServiceView>>(ctx_.db,
                                           [&](store::Tx& tx) -> Result<std::vector<ServiceView>> {
                                             std::vector<ServiceView> out;
                                             for (auto& s : tx.services().find_services(f))
                                               out.push_back(view(actor, std::move(s)));
                                             return out;
                                           });
}

Result<std::vector<core::ServiceRevision>> Directory::revisions(const core::Actor& actor, Id id) {
  if (!actor.is_staff()) return staff_only();
  return in_read<std::vector<core::ServiceRevision>>(
      ctx_.db, [&](store::Tx& tx) -> Result<std::vector<core::ServiceRevision>> {
        if (!tx.services().service_by_id(id)) return no_such_service(id);
        return tx.services().list_revisions(id);
      });
}

Result<core::ServiceRevision> Directory::revision(const core::Actor& actor, Id id, Id revision_id) {
  if (!actor.is_staff()) return staff_only();
  return in_read<core::ServiceRevision>(
      ctx_.db, [&](store::Tx& tx) -> Result<core::ServiceRevision> {
        auto r = tx.services().revision_by_id(id, revision_id);
        if (!r) {
          return make_error(Errc::not_found, "revision " + std::to_string(revision_id) +
                                                 " of service " + std::to_string(id) +
                                                 " not found");
        }
        return std::move(*r);
      });
}

Result<ServiceView> Directory::verify_contact(const core::Actor& actor, Id id, Id contact_id,
                                              const ContactCheck& check) {
  if (!actor.is_staff()) return staff_only();
  const auto now = ctx_.clock.now();
  return in_write<ServiceView>(ctx_.db, [&](store::Tx& tx) -> Result<ServiceView> {
    auto s = tx.services().service_by_id(id);
    if (!s) return no_such_service(id);
    auto c = std::find_if(s->contacts.begin(), s->contacts.end(),
                          [&](const core::ServiceContact& x) { return x.id == contact_id; });
    if (c == s->contacts.end()) {
      return make_error(Errc::not_found, "contact " + std::to_string(contact_id) + " of service " +
                                             std::to_string(id) + " not found");
    }
    c->last_verified_at = now;
    c->verified_by = actor.id;
    c->verified_how = check.how;
    c->verified_result = check.result;
    if (check.result == core::VerificationResult::wrong) c->active = false;
    if (check.result == core::VerificationResult::works) c->active = true;
    s->updated_at = now;
    s->version += 1;
    if (!tx.services().update_service(*s)) {
      return make_error(Errc::stale, "service changed meanwhile; try again");
    }
    record_event(tx, actor, std::nullopt, core::EventType::service_contact_verified,
                 EventData()
                     .add("service_id", id)
                     .add("contact_id", contact_id)
                     .add("how", core::to_string(check.how))
                     .add("result", core::to_string(check.result))
                     .str(),
                 now);
    return view(actor, std::move(*s));
  });
}

core::Done Directory::report_wrong(const core::Actor& actor, Id id, Id contact_id, Id ticket_number,
                                   std::string_view note) {
  if (!actor.is_staff()) return staff_only();
  if (auto r = check_text("note", note, kMaxReportNoteBytes); !r) return r.take_error();
  const auto now = ctx_.clock.now();
  return in_write<core::Unit>(ctx_.db, [&](store::Tx& tx) -> core::Done {
    auto s = tx.services().service_by_id(id);
    if (!s) return no_such_service(id);
    if (std::none_of(s->contacts.begin(), s->contacts.end(),
                     [&](const core::ServiceContact& c) { return c.id == contact_id; })) {
      return make_error(Errc::not_found, "contact " + std::to_string(contact_id) + " of service " +
                                             std::to_string(id) + " not found");
    }
    if (auto t = load_visible(tx, actor, ticket_number); !t) {
      return core::invalid_field("ticket", "no such ticket");
    }
    record_event(tx, actor, ticket_number, core::EventType::service_contact_reported_wrong,
                 EventData()
                     .add("service_id", id)
                     .add("contact_id", contact_id)
                     .add("note", note)
                     .add("service_name", s->name)
                     .str(),
                 now);
    return core::done();
  });
}

std::vector<OrphanService> find_orphans(store::Tx& tx, core::UnixTime now) {
  store::ServiceFilter all;
  all.match_all = true;
  all.limit = kMaxDirectoryRead;
  std::map<Id, std::optional<std::size_t>> members;  // per team; nullopt: no such team
  std::map<Id, std::int64_t> open;
  for (const auto& [service_id, n] : tx.services().open_tickets_per_service()) {
    open[service_id] = n;
  }
  std::vector<OrphanService> out;
  for (auto& s : tx.services().find_services(all)) {
    std::optional<std::size_t> team_members;
    if (s.team_id) {
      auto known = members.find(*s.team_id);
      if (known == members.end()) {
        auto team = tx.organizations().team_by_id(*s.team_id);
        known =
            members
                .emplace(*s.team_id, team ? std::optional<std::size_t>(active_members(tx, *team))
                                          : std::nullopt)
                .first;
      }
      team_members = known->second;
    }
    auto reason = core::orphan_reason(s, team_members, now);
    if (!reason) continue;
    OrphanService o;
    o.reason = *reason;
    o.open_tickets = open.count(s.id) ? open[s.id] : 0;
    for (const auto& c : s.contacts) o.service.overdue.push_back(core::is_overdue(c, now));
    o.service.service = std::move(s);
    out.push_back(std::move(o));
  }
  return out;
}

Result<std::vector<OrphanService>> Directory::orphans(const core::Actor& actor) {
  if (!actor.is_staff()) return staff_only();
  const auto now = ctx_.clock.now();
  return in_read<std::vector<OrphanService>>(ctx_.db, [&](store::Tx& tx) {
    return Result<std::vector<OrphanService>>(find_orphans(tx, now));
  });
}

Result<std::vector<OverdueContactView>> Directory::overdue_contacts(const core::Actor& actor,
                                                                    Id team_id) {
  if (!actor.is_staff()) return staff_only();
  const auto now = ctx_.clock.now();
  return in_read<std::vector<OverdueContactView>>(
      ctx_.db, [&](store::Tx& tx) -> Result<std::vector<OverdueContactView>> {
        if (!tx.organizations().team_by_id(team_id)) {
          return core::invalid_field("team_id", "no such team",
                                     "There is no team " + std::to_string(team_id) + ".");
        }
        // The directory is small (see kMaxDirectoryRead): the team's services are read whole,
        // as the orphan check does, and their overdue contacts sorted here.
        store::ServiceFilter all;
        all.match_all = true;
        all.limit = kMaxDirectoryRead;
        std::vector<OverdueContactView> out;
        for (auto& s : tx.services().find_services(all)) {
          if (s.team_id != team_id) continue;
          for (auto& c : s.contacts) {
            if (!core::is_overdue(c, now)) continue;
            const auto since = core::review_due_at(c);
            out.push_back({s.id, s.name, std::move(c), since});
          }
        }
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
          return std::tie(a.overdue_since, a.contact.id) < std::tie(b.overdue_since, b.contact.id);
        });
        if (out.size() > kMaxOverdueListed) out.resize(kMaxOverdueListed);
        return out;
      });
}

Result<std::size_t> Directory::orphan_count() {
  const auto now = ctx_.clock.now();
  return in_read<std::size_t>(
      ctx_.db, [&](store::Tx& tx) { return Result<std::size_t>(find_orphans(tx, now).size()); });
}

}  // namespace frontline::app
