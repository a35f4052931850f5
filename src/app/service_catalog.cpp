// Importing and exporting the service directory as a Backstage catalog (see
// service_catalog.hpp): who may, matching owners to teams, and updating a service of the same
// name rather than adding another. The YAML itself is catalog_yaml.cpp's.
#include "app/service_catalog.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "store/tx.hpp"

namespace frontline::app {
namespace {

using core::Errc;
using core::Id;
using core::make_error;
using core::Result;

// The directory holds hundreds of services, not millions (as in directory.cpp).
constexpr int kMaxExport = 10000;

}  // namespace

Result<ImportSummary> ServiceCatalog::import_catalog(const core::Actor& actor,
                                                     std::string_view yaml) {
  if (actor.role != core::Role::admin) {
    return make_error(Errc::forbidden, "only administrators import the service catalog");
  }
  auto parsed = parse_catalog(yaml);
  if (!parsed) return parsed.take_error();
  ImportSummary summary;
  summary.skipped = std::move(parsed->skipped);

  auto teams = in_read<std::vector<core::Team>>(
      ctx_.db, [](store::Tx& tx) -> Result<std::vector<core::Team>> {
        return tx.organizations().list_teams();
      });
  if (!teams) return teams.take_error();

  for (auto& entry : parsed->entries) {
    const auto where = "document " + std::to_string(entry.document) + ": ";
    for (auto& w : entry.warnings) summary.warnings.push_back(where + w);
    auto& draft = entry.draft;
    draft.team_id = std::optional<Id>();
    if (!entry.owner.empty()) {
      const auto folded = core::to_lower_ascii(entry.owner);
      const auto entity = catalog_entity_name(entry.owner);
      auto team = std::find_if(teams->begin(), teams->end(), [&](const core::Team& t) {
        return core::to_lower_ascii(t.name) == folded || catalog_entity_name(t.name) == entity;
      });
      if (team == teams->end()) {
        summary.warnings.push_back(where + "owner " + entry.owner +
                                   " is not a team here: the service gets no team");
      } else {
        draft.team_id = std::optional<Id>(team->id);
      }
    }
    auto existing = in_read<std::optional<core::Service>>(
        ctx_.db, [&](store::Tx& tx) -> Result<std::optional<core::Service>> {
          return tx.services().service_by_name(*draft.name);
        });
    if (!existing) return existing.take_error();

    Result<ServiceView> saved = make_error(Errc::internal, "not saved");
    if (*existing) {
      // The contacts listed again (same kind and value) stay, with their verification.
      auto old = (*existing)->contacts;
      for (auto& c : *draft.contacts) {
        auto same = std::find_if(old.begin(), old.end(), [&](const core::ServiceContact& o) {
          return o.id != 0 && o.kind == c.kind && o.value == core::trim(c.value);
        });
        if (same == old.end()) continue;
        c.id = same->id;
        if (!c.review_interval_days) c.review_interval_days = same->review_interval_days;
        if (!entry.contacts_listed) c.active = same->active;  // a verification's finding stays
        same->id = 0;
      }
      saved = directory_.update(actor, (*existing)->id, draft);
      if (saved) ++summary.updated;
    } else {
      saved = directory_.create(actor, draft);
      if (saved) ++summary.created;
    }
    if (!saved) summary.skipped.push_back({entry.document, saved.error().message});
  }
  std::sort(summary.skipped.begin(), summary.skipped.end(),
            [](const CatalogSkip& a, const CatalogSkip& b) { return a.document < b.document; });
  return summary;
}

Result<std::string> ServiceCatalog::export_catalog(const core::Actor& actor) {
  if (!actor.is_staff()) {
    return make_error(Errc::forbidden, "the service directory is kept by the support team");
  }
  return in_read<std::string>(ctx_.db, [](store::Tx& tx) -> Result<std::string> {
    store::ServiceFilter all;
    all.match_all = true;
    all.limit = kMaxExport;
    std::map<Id, std::string> team_names;
    for (const auto& t : tx.organizations().list_teams()) team_names[t.id] = t.name;
    return write_catalog(tx.services().find_services(all), team_names);
  });
}

}  // namespace frontline::app
