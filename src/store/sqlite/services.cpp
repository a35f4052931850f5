// SQLite ServiceRepository: the service directory and its revisions. Queries are named constants
// next to the code that runs them; every value is bound as a parameter.
#include <algorithm>
#include <string>

#include "store/sqlite/repositories.hpp"

namespace frontline::store::sqlite {

using core::Id;

namespace {

constexpr const char* kServiceColumns =
    "SELECT s.id, s.name, s.description, s.team_id, s.is_public, s.created_at, s.updated_at, "
    "s.version FROM services s ";

constexpr const char* kContactColumns =
    "SELECT id, kind, value, call_tree, hours, time_zone, is_public, escalation, "
    "escalation_order, is_primary, active, notes, last_verified_at, verified_by, verified_how, "
    "verified_result, review_interval_days, created_at FROM service_contacts "
    "WHERE service_id = ? ORDER BY position";

core::Service read_service(const Stmt& s) {
  core::Service out;
  out.id = s.int64(0);
  out.name = s.text(1);
  out.description = s.text(2);
  out.team_id = s.opt_int64(3);
  out.is_public = s.int64(4) != 0;
  out.created_at = s.int64(5);
  out.updated_at = s.int64(6);
  out.version = s.int64(7);
  return out;
}

// URLs, keywords and contacts of a service just read.
void load_parts(Connection& db, core::Service& service) {
  auto urls = db.prepare("SELECT url FROM service_urls WHERE service_id = ? ORDER BY position");
  urls.bind(1, service.id);
  while (urls.step()) service.urls.push_back(urls.text(0));
  auto words =
      db.prepare("SELECT keyword FROM service_keywords WHERE service_id = ? ORDER BY position");
  words.bind(1, service.id);
  while (words.step()) service.keywords.push_back(words.text(0));
  auto c = db.prepare(kContactColumns);
  c.bind(1, service.id);
  while (c.step()) {
    core::ServiceContact contact;
    contact.id = c.int64(0);
    contact.kind = core::parse_contact_kind(c.text(1)).value_or(core::ContactKind::phone);
    contact.value = c.text(2);
    contact.call_tree = core::unpack_call_tree(c.text(3));
    contact.hours = c.text(4);
    contact.time_zone = c.text(5);
    contact.is_public = c.int64(6) != 0;
    contact.escalation = c.int64(7) != 0;
    contact.escalation_order = static_cast<int>(c.int64(8));
    contact.is_primary = c.int64(9) != 0;
    contact.active = c.int64(10) != 0;
    contact.notes = c.text(11);
    contact.last_verified_at = c.opt_int64(12);
    contact.verified_by = c.opt_int64(13);
    if (!c.is_null(14)) contact.verified_how = core::parse_verification_method(c.text(14));
    if (!c.is_null(15)) contact.verified_result = core::parse_verification_result(c.text(15));
    contact.review_interval_days = static_cast<int>(c.int64(16));
    contact.created_at = c.int64(17);
    service.contacts.push_back(std::move(contact));
  }
}

std::optional<std::string> how_text(const core::ServiceContact& c) {
  if (!c.verified_how) return std::nullopt;
  return std::string(core::to_string(*c.verified_how));
}
std::optional<std::string> result_text(const core::ServiceContact& c) {
  if (!c.verified_result) return std::nullopt;
  return std::string(core::to_string(*c.verified_result));
}
void bind_opt_text(Stmt& s, int i, const std::optional<std::string>& v) {
  if (v) {
    s.bind(i, *v);
  } else {
    s.bind_null(i);
  }
}

// The contact's columns after service_id and position, from parameter `first` on.
void bind_contact(Stmt& s, int first, const core::ServiceContact& c) {
  s.bind(first, core::to_string(c.kind)).bind(first + 1, c.value);
  s.bind(first + 2, core::pack_call_tree(c.call_tree)).bind(first + 3, c.hours);
  s.bind(first + 4, c.time_zone).bind(first + 5, static_cast<std::int64_t>(c.is_public));
  s.bind(first + 6, static_cast<std::int64_t>(c.escalation));
  s.bind(first + 7, static_cast<std::int64_t>(c.escalation_order));
  s.bind(first + 8, static_cast<std::int64_t>(c.is_primary));
  s.bind(first + 9, static_cast<std::int64_t>(c.active)).bind(first + 10, c.notes);
  s.bind(first + 11, c.last_verified_at).bind(first + 12, c.verified_by);
  bind_opt_text(s, first + 13, how_text(c));
  bind_opt_text(s, first + 14, result_text(c));
  s.bind(first + 15, static_cast<std::int64_t>(c.review_interval_days));
  s.bind(first + 16, c.created_at);
}

void write_urls_and_keywords(Connection& db, const core::Service& service) {
  db.prepare("DELETE FROM service_urls WHERE service_id = ?").bind(1, service.id).run();
  db.prepare("DELETE FROM service_keywords WHERE service_id = ?").bind(1, service.id).run();
  for (std::size_t i = 0; i < service.urls.size(); ++i) {
    db.prepare("INSERT INTO service_urls(service_id, position, url, host) VALUES(?, ?, ?, ?)")
        .bind(1, service.id)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, service.urls[i])
        .bind(4, core::normalise_host(service.urls[i]))
        .run();
  }
  for (std::size_t i = 0; i < service.keywords.size(); ++i) {
    db.prepare("INSERT INTO service_keywords(service_id, position, keyword) VALUES(?, ?, ?)")
        .bind(1, service.id)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, service.keywords[i])
        .run();
  }
}

// Contacts with an id of this service are updated, new ones inserted, the rest removed.
void write_contacts(Connection& db, const core::Service& service) {
  std::vector<Id> kept;
  for (std::size_t i = 0; i < service.contacts.size(); ++i) {
    const auto& c = service.contacts[i];
    if (c.id != 0) {
      auto s = db.prepare(
          "UPDATE service_contacts SET position = ?, kind = ?, value = ?, call_tree = ?, "
          "hours = ?, time_zone = ?, is_public = ?, escalation = ?, escalation_order = ?, "
          "is_primary = ?, active = ?, notes = ?, last_verified_at = ?, verified_by = ?, "
          "verified_how = ?, verified_result = ?, review_interval_days = ?, created_at = ? "
          "WHERE id = ? AND service_id = ?");
      s.bind(1, static_cast<std::int64_t>(i));
      bind_contact(s, 2, c);
      s.bind(19, c.id).bind(20, service.id);
      s.run();
      if (db.changes() > 0) {
        kept.push_back(c.id);
        continue;
      }
    }
    auto s = db.prepare(
        "INSERT INTO service_contacts(service_id, position, kind, value, call_tree, hours, "
        "time_zone, is_public, escalation, escalation_order, is_primary, active, notes, "
        "last_verified_at, verified_by, verified_how, verified_result, review_interval_days, "
        "created_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, service.id).bind(2, static_cast<std::int64_t>(i));
    bind_contact(s, 3, c);
    s.run();
    kept.push_back(db.last_insert_rowid());
  }
  auto existing = db.prepare("SELECT id FROM service_contacts WHERE service_id = ?");
  existing.bind(1, service.id);
  std::vector<Id> gone;
  while (existing.step()) {
    if (std::find(kept.begin(), kept.end(), existing.int64(0)) == kept.end()) {
      gone.push_back(existing.int64(0));
    }
  }
  for (Id id : gone) db.prepare("DELETE FROM service_contacts WHERE id = ?").bind(1, id).run();
}

}  // namespace

Id SqliteServices::insert_service(const core::Service& service) {
  auto s = db_.prepare(
      "INSERT INTO services(name, description, team_id, is_public, created_at, updated_at, "
      "version) VALUES(?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, service.name).bind(2, service.description).bind(3, service.team_id);
  s.bind(4, static_cast<std::int64_t>(service.is_public)).bind(5, service.created_at);
  s.bind(6, service.updated_at).bind(7, service.version);
  s.run();
  core::Service stored = service;
  stored.id = db_.last_insert_rowid();
  for (auto& c : stored.contacts) c.id = 0;
  write_urls_and_keywords(db_, stored);
  write_contacts(db_, stored);
  return stored.id;
}

bool SqliteServices::update_service(const core::Service& service) {
  auto s = db_.prepare(
      "UPDATE services SET name = ?, description = ?, team_id = ?, is_public = ?, "
      "updated_at = ?, version = ? WHERE id = ? AND version = ?");
  s.bind(1, service.name).bind(2, service.description).bind(3, service.team_id);
  s.bind(4, static_cast<std::int64_t>(service.is_public)).bind(5, service.updated_at);
  s.bind(6, service.version).bind(7, service.id).bind(8, service.version - 1);
  s.run();
  if (db_.changes() == 0) return false;
  write_urls_and_keywords(db_, service);
  write_contacts(db_, service);
  return true;
}

std::optional<core::Service> SqliteServices::service_by_id(Id id) {
  auto s = db_.prepare(std::string(kServiceColumns) + "WHERE s.id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  auto service = read_service(s);
  load_parts(db_, service);
  return service;
}

std::optional<core::Service> SqliteServices::service_by_name(std::string_view name) {
  auto s = db_.prepare(std::string(kServiceColumns) + "WHERE s.name = ?");
  s.bind(1, name);
  if (!s.step()) return std::nullopt;
  auto service = read_service(s);
  load_parts(db_, service);
  return service;
}

// ?1..?3 empty mean "no such part"; the name match is a substring, ignoring ASCII case.
std::vector<core::Service> SqliteServices::find_services(const ServiceFilter& f) {
  auto s = db_.prepare(std::string(kServiceColumns) +
                       "WHERE (?4 = 0 OR s.is_public = 1) AND (?5 = 1 "
                       "OR (?1 <> '' AND instr(lower(s.name), lower(?1)) > 0) "
                       "OR (?2 <> '' AND EXISTS (SELECT 1 FROM service_keywords k "
                       "WHERE k.service_id = s.id AND k.keyword = ?2)) "
                       "OR (?3 <> '' AND EXISTS (SELECT 1 FROM service_urls u "
                       "WHERE u.service_id = s.id AND u.host = ?3))) "
                       "ORDER BY s.name, s.id LIMIT ?6");
  s.bind(1, f.name_contains).bind(2, f.keyword).bind(3, f.host);
  s.bind(4, static_cast<std::int64_t>(f.public_only));
  s.bind(5, static_cast<std::int64_t>(f.match_all));
  s.bind(6, static_cast<std::int64_t>(f.limit));
  std::vector<core::Service> out;
  while (s.step()) out.push_back(read_service(s));
  for (auto& service : out) load_parts(db_, service);
  return out;
}

Id SqliteServices::insert_revision(const core::ServiceRevision& r) {
  db_.prepare(
         "INSERT INTO service_revisions(service_id, author_id, created_at, snapshot, "
         "restored_from) VALUES(?, ?, ?, ?, ?)")
      .bind(1, r.service_id)
      .bind(2, r.author_id)
      .bind(3, r.created_at)
      .bind(4, r.snapshot)
      .bind(5, r.restored_from)
      .run();
  return db_.last_insert_rowid();
}

namespace {
constexpr const char* kRevisionColumns =
    "SELECT r.id, r.service_id, r.author_id, coalesce(u.name, ''), r.created_at, r.snapshot, "
    "r.restored_from FROM service_revisions r LEFT JOIN users u ON u.id = r.author_id ";

core::ServiceRevision read_revision(const Stmt& s) {
  core::ServiceRevision r;
  r.id = s.int64(0);
  r.service_id = s.int64(1);
  r.author_id = s.opt_int64(2);
  r.author_name = s.text(3);
  r.created_at = s.int64(4);
  r.snapshot = s.text(5);
  r.restored_from = s.opt_int64(6);
  return r;
}
}  // namespace

std::vector<core::ServiceRevision> SqliteServices::list_revisions(Id service_id) {
  auto s = db_.prepare(std::string(kRevisionColumns) + "WHERE r.service_id = ? ORDER BY r.id");
  s.bind(1, service_id);
  std::vector<core::ServiceRevision> out;
  while (s.step()) out.push_back(read_revision(s));
  return out;
}

std::optional<core::ServiceRevision> SqliteServices::revision_by_id(Id service_id, Id revision_id) {
  auto s = db_.prepare(std::string(kRevisionColumns) + "WHERE r.service_id = ? AND r.id = ?");
  s.bind(1, service_id).bind(2, revision_id);
  if (!s.step()) return std::nullopt;
  return read_revision(s);
}

std::vector<std::pair<Id, std::int64_t>> SqliteServices::open_tickets_per_service() {
  auto s = db_.prepare(
      "SELECT service_id, count(*) FROM tickets WHERE service_id IS NOT NULL "
      "AND status NOT IN ('resolved', 'closed') GROUP BY service_id ORDER BY service_id");
  std::vector<std::pair<Id, std::int64_t>> out;
  while (s.step()) out.emplace_back(s.int64(0), s.int64(1));
  return out;
}

}  // namespace frontline::store::sqlite
