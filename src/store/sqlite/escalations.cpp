// SQLite EscalationRepository: a ticket's escalations to teams and directory contacts. Queries
// are named constants next to the code that runs them; every value is bound as a parameter.
#include <string>

#include "store/sqlite/repositories.hpp"

namespace frontline::store::sqlite {

using core::Id;

namespace {

constexpr const char* kEscalationColumns =
    "SELECT e.id, e.ticket_number, e.team_id, e.contact_id, e.service_id, e.contact_label, "
    "e.from_team_id, e.from_assignee_id, e.summary, e.by_id, coalesce(u.name, ''), e.at, "
    "e.ended_at, e.ended_by FROM ticket_escalations e LEFT JOIN users u ON u.id = e.by_id ";

core::Escalation read_escalation(const Stmt& s) {
  core::Escalation e;
  e.id = s.int64(0);
  e.ticket_number = s.int64(1);
  e.team_id = s.opt_int64(2);
  e.contact_id = s.opt_int64(3);
  e.service_id = s.opt_int64(4);
  e.contact_label = s.text(5);
  e.from_team_id = s.opt_int64(6);
  e.from_assignee_id = s.opt_int64(7);
  e.summary = s.text(8);
  e.by_id = s.opt_int64(9);
  e.by_name = s.text(10);
  e.at = s.int64(11);
  e.ended_at = s.opt_int64(12);
  e.ended_by = s.opt_int64(13);
  return e;
}

}  // namespace

Id SqliteEscalations::insert_escalation(const core::Escalation& e) {
  auto s = db_.prepare(
      "INSERT INTO ticket_escalations(ticket_number, team_id, contact_id, service_id, "
      "contact_label, from_team_id, from_assignee_id, summary, by_id, at, ended_at, ended_by) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  s.bind(1, e.ticket_number).bind(2, e.team_id).bind(3, e.contact_id).bind(4, e.service_id);
  s.bind(5, e.contact_label).bind(6, e.from_team_id).bind(7, e.from_assignee_id);
  s.bind(8, e.summary).bind(9, e.by_id).bind(10, e.at).bind(11, e.ended_at).bind(12, e.ended_by);
  s.run();
  return db_.last_insert_rowid();
}

std::optional<core::Escalation> SqliteEscalations::current_escalation(Id ticket_number) {
  auto s = db_.prepare(std::string(kEscalationColumns) +
                       "WHERE e.ticket_number = ?1 AND e.ended_at IS NULL ORDER BY e.id DESC "
                       "LIMIT 1");
  s.bind(1, ticket_number);
  if (!s.step()) return std::nullopt;
  return read_escalation(s);
}

std::vector<core::Escalation> SqliteEscalations::ticket_escalations(Id ticket_number) {
  auto s =
      db_.prepare(std::string(kEscalationColumns) + "WHERE e.ticket_number = ?1 ORDER BY e.id");
  s.bind(1, ticket_number);
  std::vector<core::Escalation> out;
  while (s.step()) out.push_back(read_escalation(s));
  return out;
}

bool SqliteEscalations::end_escalation(Id id, std::optional<Id> by, UnixTime at) {
  auto s = db_.prepare(
      "UPDATE ticket_escalations SET ended_at = ?1, ended_by = ?2 "
      "WHERE id = ?3 AND ended_at IS NULL");
  s.bind(1, at).bind(2, by).bind(3, id);
  s.run();
  return db_.changes() > 0;
}

std::optional<Id> SqliteEscalations::service_of_contact(Id contact_id) {
  auto s = db_.prepare("SELECT service_id FROM service_contacts WHERE id = ?1");
  s.bind(1, contact_id);
  if (!s.step()) return std::nullopt;
  return s.int64(0);
}

}  // namespace frontline::store::sqlite
