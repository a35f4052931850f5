// /api/v1/services/import and /export — the service directory as Backstage catalog-info.yaml
// (docs/services.md, "Backstage catalog"): admins load a catalog kept by engineering (a service
// of the same name is updated, else created); staff download every service in that format.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/service_codec.hpp"

namespace frontline::http::handlers {
namespace {

// application/yaml (RFC 9512) and the older names still in use; parameters allowed.
bool is_yaml(std::string_view content_type) {
  auto media = content_type.substr(0, content_type.find(';'));
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  const auto m = core::to_lower_ascii(media);
  return m == "application/yaml" || m == "text/yaml" || m == "application/x-yaml" ||
         m == "text/x-yaml";
}

}  // namespace

Response services_import_post(Request& req, Services& s) {
  const auto& actor = req.caller();
  // Refused before the body is read, so a customer learns nothing from a parse error.
  if (actor.role != core::Role::admin) {
    return problem(core::Errc::forbidden, "only administrators import the service catalog");
  }
  if (!is_yaml(req.content_type)) return unsupported_media_type("application/yaml");
  return reply(s.service_catalog.import_catalog(actor, req.body), 200, catalog_import_json);
}

Response services_export_get(Request& req, Services& s) {
  auto catalog = s.service_catalog.export_catalog(req.caller());
  if (!catalog) return problem(catalog.error());
  Response res;
  res.content_type = "application/yaml; charset=utf-8";
  res.body = std::move(*catalog);
  res.header("Content-Disposition", "attachment; filename=\"catalog-info.yaml\"");
  return res;
}

}  // namespace frontline::http::handlers
