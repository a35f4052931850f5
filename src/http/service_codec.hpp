// JSON for the service directory (docs/services.md): services as each caller may see them (staff:
// everything; customers: no team, notes or verification), revisions, orphans, and the request
// bodies of the directory's routes (strictly decoded, like request_decoding). Pure functions;
// thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/directory.hpp"
#include "app/service_catalog.hpp"
#include "core/result.hpp"

namespace frontline::http {

std::string service_json(const app::ServiceView& view, const core::Actor& viewer);
std::string services_json(const std::vector<app::ServiceView>& views, const core::Actor& viewer);
// {"items":[{"id","service_id","author":{"id","name"},"created_at","restored_from","snapshot"}]}
std::string service_revisions_json(const std::vector<core::ServiceRevision>& revisions);
// {"items":[{"service":{…},"reason","open_tickets"}]}
std::string service_orphans_json(const std::vector<app::OrphanService>& orphans,
                                 const core::Actor& viewer);
// Staff: {"items":[{"service":{"id","name"},"contact":{…},"overdue_since"}]}
std::string overdue_contacts_json(const std::vector<app::OverdueContactView>& overdue);

// {"created","updated","skipped":[{"document","reason"}],"warnings":[…]}
std::string catalog_import_json(const app::ImportSummary& summary);

// POST /services: name required. call_tree: an array of {"press","then"} steps, or plain text
// kept as one step.
core::Result<app::ServiceDraft> decode_new_service(std::string_view body);
// PATCH /services/{id} and a revision's snapshot: every part optional. Contacts may carry the
// read-only fields a GET shows (ignored), so an editor can send back what it read.
core::Result<app::ServiceDraft> decode_service_changes(std::string_view body);
// {"how": "called|emailed|web_form|other", "result": "works|wrong|no_answer"}
core::Result<app::ContactCheck> decode_contact_check(std::string_view body);
// {"ticket": N, "note": "..."}: the ticket being worked; note optional.
struct WrongContactReport {
  core::Id ticket = 0;
  std::string note;
};
core::Result<WrongContactReport> decode_wrong_contact_report(std::string_view body);

}  // namespace frontline::http
