// libFuzzer target for catalog-info.yaml as an admin uploads it (app/catalog_yaml.cpp): parsing
// never crashes or throws, whatever it reads is a service with a name, and a catalog written from
// what was read (valid UTF-8 only, as the directory stores nothing else) reads back to the same
// names, descriptions, URLs and contacts.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "app/service_catalog.hpp"
#include "core/text.hpp"

namespace {

using frontline::app::CatalogEntry;

bool storable(const CatalogEntry& e) {
  const auto& d = e.draft;
  if (!frontline::core::is_valid_utf8(*d.name) || !frontline::core::is_valid_utf8(*d.description))
    return false;
  for (const auto& u : *d.urls) {
    if (!frontline::core::is_valid_utf8(u)) return false;
  }
  for (const auto& k : *d.keywords) {
    if (!frontline::core::is_valid_utf8(k)) return false;
  }
  for (const auto& c : *d.contacts) {
    if (!frontline::core::is_valid_utf8(c.value) || !frontline::core::is_valid_utf8(c.notes) ||
        !frontline::core::is_valid_utf8(c.hours) || !frontline::core::is_valid_utf8(c.time_zone))
      return false;
    for (const auto& s : c.call_tree) {
      if (!frontline::core::is_valid_utf8(s.press) || !frontline::core::is_valid_utf8(s.then))
        return false;
    }
  }
  return true;
}

frontline::core::Service as_service(const CatalogEntry& e, frontline::core::Id id) {
  frontline::core::Service s;
  s.id = id;
  s.name = *e.draft.name;
  s.description = *e.draft.description;
  s.urls = *e.draft.urls;
  s.keywords = *e.draft.keywords;
  s.is_public = *e.draft.is_public;
  for (const auto& c : *e.draft.contacts) {
    frontline::core::ServiceContact sc;
    sc.kind = *c.kind;
    sc.value = c.value;
    sc.call_tree = c.call_tree;
    sc.hours = c.hours;
    sc.time_zone = c.time_zone;
    sc.notes = c.notes;
    s.contacts.push_back(std::move(sc));
  }
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return 0;
  const std::string_view yaml(reinterpret_cast<const char*>(data), size);
  auto parsed = frontline::app::parse_catalog(yaml);
  if (!parsed) return 0;
  std::vector<frontline::core::Service> services;
  for (const auto& e : parsed->entries) {
    if (!e.draft.name || e.draft.name->empty()) __builtin_trap();
    if (storable(e)) services.push_back(as_service(e, static_cast<int>(services.size()) + 1));
  }
  if (services.empty()) return 0;
  const auto written = frontline::app::write_catalog(services, {});
  auto again = frontline::app::parse_catalog(written);
  if (!again || again->entries.size() != services.size()) __builtin_trap();
  for (std::size_t i = 0; i < services.size(); ++i) {
    const auto& a = services[i];
    const auto& b = again->entries[i].draft;
    if (*b.name != a.name || *b.description != a.description || *b.urls != a.urls) __builtin_trap();
    if (b.contacts->size() != a.contacts.size()) __builtin_trap();
    for (std::size_t j = 0; j < a.contacts.size(); ++j) {
      const auto& x = a.contacts[j];
      const auto& y = (*b.contacts)[j];
      if (x.value != y.value || x.call_tree != y.call_tree || x.notes != y.notes) __builtin_trap();
    }
  }
  return 0;
}
