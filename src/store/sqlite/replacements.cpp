// SQLite ReplacementRepository: hardware replacements on tickets. Queries are named constants
// next to the code that runs them; every value is bound as a parameter. An update is
// conditional on the version it read.
#include <string>

#include "store/sqlite/repositories.hpp"

namespace frontline::store::sqlite {

using core::Id;

namespace {

constexpr const char* kReplacementColumns =
    "SELECT r.id, r.ticket_number, r.status, r.model, r.serial, r.reason, r.addr_name, "
    "r.addr_organization, r.addr_line1, r.addr_line2, r.addr_city, r.addr_region, "
    "r.addr_postal_code, r.addr_country, r.addr_phone, r.addr_email, r.confirmed_at, "
    "r.confirmed_by, coalesce(cu.name, ''), coalesce(cu.role, 'customer'), r.sent_model, "
    "r.sent_serial, r.carrier, r.tracking_number, r.shipped_at, r.delivered_at, r.returned_at, "
    "r.cancelled_at, r.cancel_reason, r.created_by, coalesce(bu.name, ''), r.created_at, "
    "r.updated_at, r.version FROM replacements r LEFT JOIN users cu ON cu.id = r.confirmed_by "
    "LEFT JOIN users bu ON bu.id = r.created_by ";

// The columns after status and before confirmed_at, and the text fields after it, in the order
// of kReplacementColumns and of the statements below.
core::Replacement read_replacement(const Stmt& s) {
  core::Replacement r;
  r.id = s.int64(0);
  r.ticket_number = s.int64(1);
  r.status = core::parse_replacement_status(s.text(2)).value_or(core::ReplacementStatus::requested);
  r.model = s.text(3);
  r.serial = s.text(4);
  r.reason = s.text(5);
  int col = 6;
  for (auto key : core::kAddressKeys) *core::address_field(r.address, key) = s.text(col++);
  r.confirmed_at = s.opt_int64(16);
  r.confirmed_by = s.opt_int64(17);
  r.confirmed_by_name = s.text(18);
  r.confirmed_by_role = core::parse_role(s.text(19)).value_or(core::Role::customer);
  r.sent_model = s.text(20);
  r.sent_serial = s.text(21);
  r.carrier = s.text(22);
  r.tracking_number = s.text(23);
  r.shipped_at = s.opt_int64(24);
  r.delivered_at = s.opt_int64(25);
  r.returned_at = s.opt_int64(26);
  r.cancelled_at = s.opt_int64(27);
  r.cancel_reason = s.text(28);
  r.created_by = s.int64(29);
  r.created_by_name = s.text(30);
  r.created_at = s.int64(31);
  r.updated_at = s.int64(32);
  r.version = s.int64(33);
  return r;
}

std::vector<core::Replacement> read_all(Stmt& s) {
  std::vector<core::Replacement> out;
  while (s.step()) out.push_back(read_replacement(s));
  return out;
}

// Binds the mutable fields as ?1 .. ?27 (status, model, serial, reason, the ten address fields,
// confirmed_at/by, what was sent, the times, cancel_reason, updated_at, version).
void bind_mutable(Stmt& s, const core::Replacement& r) {
  s.bind(1, core::to_string(r.status)).bind(2, r.model).bind(3, r.serial).bind(4, r.reason);
  int at = 5;
  for (auto key : core::kAddressKeys) s.bind(at++, *core::address_field(r.address, key));
  s.bind(15, r.confirmed_at).bind(16, r.confirmed_by).bind(17, r.sent_model);
  s.bind(18, r.sent_serial).bind(19, r.carrier).bind(20, r.tracking_number);
  s.bind(21, r.shipped_at).bind(22, r.delivered_at).bind(23, r.returned_at);
  s.bind(24, r.cancelled_at).bind(25, r.cancel_reason).bind(26, r.updated_at).bind(27, r.version);
}

}  // namespace

Id SqliteReplacements::insert_replacement(const core::Replacement& r) {
  auto s = db_.prepare(
      "INSERT INTO replacements(status, model, serial, reason, addr_name, addr_organization, "
      "addr_line1, addr_line2, addr_city, addr_region, addr_postal_code, addr_country, "
      "addr_phone, addr_email, confirmed_at, confirmed_by, sent_model, sent_serial, carrier, "
      "tracking_number, shipped_at, delivered_at, returned_at, cancelled_at, cancel_reason, "
      "updated_at, version, ticket_number, created_by, created_at) VALUES(?1, ?2, ?3, ?4, ?5, "
      "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, "
      "?24, ?25, ?26, ?27, ?28, ?29, ?30)");
  bind_mutable(s, r);
  s.bind(28, r.ticket_number).bind(29, r.created_by).bind(30, r.created_at);
  s.run();
  return db_.last_insert_rowid();
}

std::optional<core::Replacement> SqliteReplacements::replacement_by_id(Id id) {
  auto s = db_.prepare(std::string(kReplacementColumns) + "WHERE r.id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_replacement(s);
}

std::vector<core::Replacement> SqliteReplacements::ticket_replacements(Id ticket_number) {
  auto s =
      db_.prepare(std::string(kReplacementColumns) + "WHERE r.ticket_number = ?1 ORDER BY r.id");
  s.bind(1, ticket_number);
  return read_all(s);
}

std::vector<core::Replacement> SqliteReplacements::list_replacements(const ReplacementFilter& f) {
  auto s = db_.prepare(std::string(kReplacementColumns) + (f.status ? "WHERE r.status = ?2 " : "") +
                       "ORDER BY r.id DESC LIMIT ?1");
  s.bind(1, static_cast<std::int64_t>(f.limit));
  if (f.status) s.bind(2, core::to_string(*f.status));
  return read_all(s);
}

bool SqliteReplacements::update_replacement(const core::Replacement& r) {
  auto s = db_.prepare(
      "UPDATE replacements SET status = ?1, model = ?2, serial = ?3, reason = ?4, addr_name = ?5, "
      "addr_organization = ?6, addr_line1 = ?7, addr_line2 = ?8, addr_city = ?9, "
      "addr_region = ?10, addr_postal_code = ?11, addr_country = ?12, addr_phone = ?13, "
      "addr_email = ?14, confirmed_at = ?15, confirmed_by = ?16, sent_model = ?17, "
      "sent_serial = ?18, carrier = ?19, tracking_number = ?20, shipped_at = ?21, "
      "delivered_at = ?22, returned_at = ?23, cancelled_at = ?24, cancel_reason = ?25, "
      "updated_at = ?26, version = ?27 WHERE id = ?28 AND version = ?29");
  bind_mutable(s, r);
  s.bind(28, r.id).bind(29, r.version - 1);
  s.run();
  return db_.changes() > 0;
}

}  // namespace frontline::store::sqlite
