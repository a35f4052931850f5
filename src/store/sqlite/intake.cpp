// SQLite IntakeRepository: intake questions and the fields tickets keep. Queries are named
// constants next to the code that runs them; every value is bound as a parameter.
#include <string>

#include "store/sqlite/repositories.hpp"

namespace frontline::store::sqlite {

using core::Id;

namespace {

constexpr const char* kQuestionColumns =
    "SELECT id, category, service_id, position, question_key, kind, label, help, choices, "
    "required, active, created_at, updated_at FROM intake_questions ";

// Choices are stored one per line (core::check_intake_question keeps newlines out of them).
std::string pack_choices(const std::vector<std::string>& choices) {
  std::string out;
  for (const auto& c : choices) out += (out.empty() ? "" : "\n") + c;
  return out;
}

std::vector<std::string> unpack_choices(const std::string& packed) {
  std::vector<std::string> out;
  if (packed.empty()) return out;
  std::size_t start = 0;
  while (true) {
    auto nl = packed.find('\n', start);
    out.push_back(packed.substr(start, nl - start));
    if (nl == std::string::npos) return out;
    start = nl + 1;
  }
}

core::IntakeQuestion read_question(const Stmt& s) {
  core::IntakeQuestion q;
  q.id = s.int64(0);
  if (!s.is_null(1)) q.category = s.text(1);
  q.service_id = s.opt_int64(2);
  q.position = s.int64(3);
  q.key = s.text(4);
  q.kind = core::parse_intake_kind(s.text(5)).value_or(core::IntakeKind::text);
  q.label = s.text(6);
  q.help = s.text(7);
  q.choices = unpack_choices(s.text(8));
  q.required = s.int64(9) != 0;
  q.active = s.int64(10) != 0;
  q.created_at = s.int64(11);
  q.updated_at = s.int64(12);
  return q;
}

// Binds the columns from category to updated_at as ?1..?12.
void bind_question(Stmt& s, const core::IntakeQuestion& q) {
  if (q.category.empty()) {
    s.bind_null(1);
  } else {
    s.bind(1, q.category);
  }
  s.bind(2, q.service_id).bind(3, q.position).bind(4, q.key).bind(5, core::to_string(q.kind));
  s.bind(6, q.label).bind(7, q.help).bind(8, pack_choices(q.choices));
  s.bind(9, static_cast<std::int64_t>(q.required)).bind(10, static_cast<std::int64_t>(q.active));
  s.bind(11, q.created_at).bind(12, q.updated_at);
}

}  // namespace

Id SqliteIntake::insert_question(const core::IntakeQuestion& question) {
  auto s = db_.prepare(
      "INSERT INTO intake_questions(category, service_id, position, question_key, kind, label, "
      "help, choices, required, active, created_at, updated_at) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  bind_question(s, question);
  s.run();
  return db_.last_insert_rowid();
}

bool SqliteIntake::update_question(const core::IntakeQuestion& question) {
  auto s = db_.prepare(
      "UPDATE intake_questions SET category = ?1, service_id = ?2, position = ?3, "
      "question_key = ?4, kind = ?5, label = ?6, help = ?7, choices = ?8, required = ?9, "
      "active = ?10, created_at = ?11, updated_at = ?12 WHERE id = ?13");
  bind_question(s, question);
  s.bind(13, question.id);
  s.run();
  return db_.changes() > 0;
}

bool SqliteIntake::delete_question(Id id) {
  db_.prepare("DELETE FROM intake_questions WHERE id = ?").bind(1, id).run();
  return db_.changes() > 0;
}

std::optional<core::IntakeQuestion> SqliteIntake::question_by_id(Id id) {
  auto s = db_.prepare(std::string(kQuestionColumns) + "WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_question(s);
}

std::vector<core::IntakeQuestion> SqliteIntake::list_questions() {
  auto s = db_.prepare(std::string(kQuestionColumns) +
                       "ORDER BY category IS NULL, category COLLATE NOCASE, service_id, "
                       "position, id");
  std::vector<core::IntakeQuestion> out;
  while (s.step()) out.push_back(read_question(s));
  return out;
}

std::vector<core::IntakeQuestion> SqliteIntake::form_questions(std::string_view category,
                                                               std::optional<Id> service_id,
                                                               bool include_inactive) {
  std::vector<core::IntakeQuestion> out;
  if (!category.empty()) {
    auto s = db_.prepare(std::string(kQuestionColumns) +
                         "WHERE category = ?1 AND (?2 OR active) ORDER BY position, id");
    s.bind(1, category).bind(2, static_cast<std::int64_t>(include_inactive));
    while (s.step()) out.push_back(read_question(s));
  }
  if (service_id) {
    auto s = db_.prepare(std::string(kQuestionColumns) +
                         "WHERE service_id = ?1 AND (?2 OR active) ORDER BY position, id");
    s.bind(1, *service_id).bind(2, static_cast<std::int64_t>(include_inactive));
    while (s.step()) out.push_back(read_question(s));
  }
  return out;
}

void SqliteIntake::set_fields(Id ticket_number, const std::vector<core::TicketField>& fields) {
  for (const auto& f : fields) {
    db_.prepare(
           "UPDATE ticket_fields SET question_key = ?3, label = ?4, kind = ?5, value = ?6 "
           "WHERE ticket_number = ?1 AND question_id = ?2")
        .bind(1, ticket_number)
        .bind(2, f.question_id)
        .bind(3, f.key)
        .bind(4, f.label)
        .bind(5, core::to_string(f.kind))
        .bind(6, f.value)
        .run();
    if (db_.changes() > 0) continue;
    db_.prepare(
           "INSERT INTO ticket_fields(ticket_number, position, question_id, question_key, label, "
           "kind, value) SELECT ?1, coalesce(max(position), 0) + 1, ?2, ?3, ?4, ?5, ?6 "
           "FROM ticket_fields WHERE ticket_number = ?1")
        .bind(1, ticket_number)
        .bind(2, f.question_id)
        .bind(3, f.key)
        .bind(4, f.label)
        .bind(5, core::to_string(f.kind))
        .bind(6, f.value)
        .run();
  }
}

std::vector<core::TicketField> SqliteIntake::ticket_fields(Id ticket_number) {
  auto s = db_.prepare(
      "SELECT question_id, question_key, label, kind, value FROM ticket_fields "
      "WHERE ticket_number = ? ORDER BY position");
  s.bind(1, ticket_number);
  std::vector<core::TicketField> out;
  while (s.step()) {
    out.push_back({s.int64(0), s.text(1), s.text(2),
                   core::parse_intake_kind(s.text(3)).value_or(core::IntakeKind::text), s.text(4)});
  }
  return out;
}

// GROUP BY value groups ignoring case (the column is NOCASE); min(value COLLATE BINARY) picks one
// spelling the same way every time. ticket_fields_by_value finds the key's rows.
std::vector<core::IntakeAnswerCount> SqliteIntake::answer_counts(std::string_view key,
                                                                 core::UnixTime from,
                                                                 core::UnixTime to, int limit) {
  auto s = db_.prepare(
      "SELECT min(f.value COLLATE BINARY), count(DISTINCT f.ticket_number), "
      "count(DISTINCT CASE WHEN t.status NOT IN ('resolved', 'closed') THEN f.ticket_number END) "
      "FROM ticket_fields f JOIN tickets t ON t.number = f.ticket_number "
      "WHERE f.question_key = ?1 AND t.created_at >= ?2 AND t.created_at < ?3 "
      "AND t.merged_into IS NULL "
      "GROUP BY f.value ORDER BY 2 DESC, 1 COLLATE BINARY LIMIT ?4");
  s.bind(1, key).bind(2, from).bind(3, to).bind(4, std::int64_t{limit});
  std::vector<core::IntakeAnswerCount> out;
  while (s.step()) out.push_back({s.text(0), s.int64(1), s.int64(2)});
  return out;
}

}  // namespace frontline::store::sqlite
