// The service directory in Backstage's catalog-info.yaml format (issue 15; docs/services.md,
// "Backstage catalog"): reading a multi-document catalog into service drafts, importing them
// (a service of the same name is updated, else one is created), and writing every service back
// out so that importing the export gives the same services. yaml-cpp stays in catalog_yaml.cpp.
// Thread-safe (ServiceCatalog holds only the context); the free functions are pure.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "app/directory.hpp"
#include "core/result.hpp"
#include "core/service.hpp"

namespace frontline::app {

// One catalog document that becomes a service. documents are numbered from 1, in file order.
struct CatalogEntry {
  std::size_t document = 0;
  ServiceDraft draft;  // name always set; team_id unset (owner names the team)
  std::string owner;   // the team's name as the catalog gives it ("dba"); empty: no owner
  std::vector<std::string> warnings;
  bool contacts_listed = false;  // frontline.io/contacts gave every contact in full
};

struct CatalogSkip {
  std::size_t document = 0;
  std::string reason;
};

struct ParsedCatalog {
  std::vector<CatalogEntry> entries;
  std::vector<CatalogSkip> skipped;
};

// Reads catalog-info.yaml text. bad_input naming the document and line when the YAML is
// malformed (nothing is then imported); documents that are not services, or have no name, are
// skipped with a reason. Never throws.
core::Result<ParsedCatalog> parse_catalog(std::string_view yaml);

// Splits a call-tree annotation, "press 2 > database team > press 4", into steps; text with no
// "press N" part is one step with nothing to press.
std::vector<core::CallTreeStep> parse_call_tree(std::string_view text);

// The Backstage entity name for a service name: lower case letters, digits and single dashes,
// at most 63 characters; empty when none of the name's characters qualify.
std::string catalog_entity_name(std::string_view service_name);

// Every service as a multi-document catalog (one Component each); team_names: team id → name.
std::string write_catalog(const std::vector<core::Service>& services,
                          const std::map<core::Id, std::string>& team_names);

struct ImportSummary {
  int created = 0;
  int updated = 0;
  std::vector<CatalogSkip> skipped;  // also documents the directory refused (reason: why)
  std::vector<std::string> warnings;
};

class ServiceCatalog {
 public:
  explicit ServiceCatalog(Context& ctx) : ctx_(ctx), directory_(ctx) {}

  // Admins only. bad_input when the YAML is malformed (nothing changes). Each service is its own
  // save (a revision by the actor); a re-import keeps the contacts it lists again (same kind and
  // value) with their verification.
  core::Result<ImportSummary> import_catalog(const core::Actor& actor, std::string_view yaml);
  // Staff only: every service, by name, as catalog-info.yaml.
  core::Result<std::string> export_catalog(const core::Actor& actor);

 private:
  Context& ctx_;
  Directory directory_;
};

}  // namespace frontline::app
