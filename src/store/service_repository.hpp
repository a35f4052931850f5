// The service directory: services with their URLs, keywords and contacts, and each service's
// revisions. Promises: names are unique regardless of case (a clash throws StoreError conflict);
// a service reads back with its URLs, keywords and contacts in the order they were written;
// contacts keep their ids across updates; revisions are never changed once written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/service.hpp"

namespace frontline::store {

using core::Id;

// What a directory search matches; every part given widens it (OR), public_only narrows it.
struct ServiceFilter {
  std::string name_contains;  // part of the name, ignoring ASCII case; empty: no name match
  std::string keyword;        // one whole keyword, ignoring case; empty: none
  std::string host;           // a normalised host (core::normalise_host); empty: none
  bool match_all = false;     // true: every service (the parts above are ignored)
  bool public_only = false;
  int limit = 100;
};

class ServiceRepository {
 public:
  virtual ~ServiceRepository() = default;

  // Inserts the service with its URLs (hosts from core::normalise_host), keywords and contacts;
  // returns its id. Contact ids are assigned by the store (read the service back for them).
  virtual Id insert_service(const core::Service& service) = 0;
  // Writes every field, URL and keyword of service.id where the stored version is
  // service.version - 1; contacts with an id of this service are updated in place, those with id
  // 0 added, and the service's other contacts removed. false: no such service at that version.
  virtual bool update_service(const core::Service& service) = 0;
  virtual std::optional<core::Service> service_by_id(Id id) = 0;
  virtual std::optional<core::Service> service_by_name(std::string_view name) = 0;
  // Matching services by name ignoring case, with their contacts.
  virtual std::vector<core::Service> find_services(const ServiceFilter& filter) = 0;

  virtual Id insert_revision(const core::ServiceRevision& revision) = 0;
  // Oldest first, with the author's name.
  virtual std::vector<core::ServiceRevision> list_revisions(Id service_id) = 0;
  // nullopt when the revision is not one of that service's.
  virtual std::optional<core::ServiceRevision> revision_by_id(Id service_id, Id revision_id) = 0;

  // Per service, its tickets that are not resolved or closed (services without any are absent).
  virtual std::vector<std::pair<Id, std::int64_t>> open_tickets_per_service() = 0;
};

}  // namespace frontline::store
