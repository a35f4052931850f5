// SQLite TicketRepository: tickets, tags, links, copied people, idempotent creates, listing and
// search. Queries are named constants next to the code that runs them; every value is bound as a
// parameter.
#include <algorithm>
#include <string>
#include <variant>

#include "core/text.hpp"
#include "store/sqlite/fts5_query.hpp"
#include "store/sqlite/repositories.hpp"

namespace frontline::store::sqlite {

using core::Id;

namespace {

constexpr char kTagSeparator = '\x1f';
// How many of the newest matching tickets a search scores for relevance (see list_tickets):
// 250 cost 2-4 ms per query on a million tickets, 100 about 1 ms.
constexpr std::int64_t kSearchWindow = 100;
constexpr const char* kTicketColumns =
    "SELECT t.number, t.subject, t.status, t.priority, t.requester_id, t.organization_id, "
    "t.assignee_id, t.team_id, t.category, t.channel, t.created_at, t.updated_at, "
    "t.first_response_at, t.resolved_at, t.closed_at, t.merged_into, t.version, u.email, u.name, "
    "(SELECT group_concat(tag, char(31)) FROM ticket_tags WHERE ticket_number = t.number), "
    "t.public_version, t.public_updated_at, t.customer_replied_at, t.service_id ";

core::Ticket read_ticket(const Stmt& s) {
  core::Ticket t;
  t.number = s.int64(0);
  t.subject = s.text(1);
  t.status = core::parse_status(s.text(2)).value_or(core::Status::open);
  t.priority = core::parse_priority(s.text(3)).value_or(core::Priority::normal);
  t.requester_id = s.int64(4);
  t.organization_id = s.opt_int64(5);
  t.assignee_id = s.opt_int64(6);
  t.team_id = s.opt_int64(7);
  t.category = s.text(8);
  t.channel = core::parse_channel(s.text(9)).value_or(core::Channel::web);
  t.created_at = s.int64(10);
  t.updated_at = s.int64(11);
  t.first_response_at = s.opt_int64(12);
  t.resolved_at = s.opt_int64(13);
  t.closed_at = s.opt_int64(14);
  t.merged_into = s.opt_int64(15);
  t.version = s.int64(16);
  t.requester_email = s.text(17);
  t.requester_name = s.text(18);
  std::string tags = s.text(19);
  std::size_t start = 0;
  while (start < tags.size()) {
    std::size_t end = tags.find(kTagSeparator, start);
    if (end == std::string::npos) end = tags.size();
    t.tags.push_back(tags.substr(start, end - start));
    start = end + 1;
  }
  t.public_version = s.int64(20);
  t.public_updated_at = s.int64(21);
  t.customer_replied_at = s.opt_int64(22);
  t.service_id = s.opt_int64(23);
  return t;
}
void write_tags(Connection& db, Id number, const std::vector<std::string>& tags) {
  db.prepare("DELETE FROM ticket_tags WHERE ticket_number = ?").bind(1, number).run();
  for (const auto& tag : tags) {
    db.prepare("INSERT OR IGNORE INTO ticket_tags(ticket_number, tag) VALUES(?, ?)")
        .bind(1, number)
        .bind(2, tag)
        .run();
  }
}

}  // namespace

void SqliteTickets::insert_ticket(core::Ticket& t, std::string_view public_text,
                                  std::string_view internal_text) {
  auto s = db_.prepare(
      "INSERT INTO tickets(subject, status, priority, requester_id, organization_id, "
      "assignee_id, team_id, category, channel, created_at, updated_at, first_response_at, "
      "resolved_at, closed_at, merged_into, version, public_version, public_updated_at, "
      "customer_replied_at, service_id) "
      "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, t.subject).bind(2, core::to_string(t.status)).bind(3, core::to_string(t.priority));
  s.bind(4, t.requester_id).bind(5, t.organization_id).bind(6, t.assignee_id).bind(7, t.team_id);
  s.bind(8, t.category).bind(9, core::to_string(t.channel)).bind(10, t.created_at);
  s.bind(11, t.updated_at).bind(12, t.first_response_at).bind(13, t.resolved_at);
  s.bind(14, t.closed_at).bind(15, t.merged_into).bind(16, t.version);
  s.bind(17, t.public_version).bind(18, t.public_updated_at).bind(19, t.customer_replied_at);
  s.bind(20, t.service_id);
  s.run();
  t.number = db_.last_insert_rowid();
  if (!t.tags.empty()) write_tags(db_, t.number, t.tags);
  std::string requester = t.requester_name + " " + t.requester_email;
  db_.prepare(
         "INSERT INTO ticket_search(rowid, subject, public_text, internal_text, requester, facets) "
         "VALUES(?, ?, ?, ?, ?, ?)")
      .bind(1, t.number)
      .bind(2, t.subject)
      .bind(3, public_text)
      .bind(4, internal_text)
      .bind(5, requester)
      .bind(6, status_facet(t.status))
      .run();
}

std::optional<core::Ticket> SqliteTickets::ticket_by_number(Id number) {
  auto s = db_.prepare(std::string(kTicketColumns) +
                       "FROM tickets t JOIN users u ON u.id = t.requester_id WHERE t.number = ?");
  s.bind(1, number);
  if (!s.step()) return std::nullopt;
  return read_ticket(s);
}

std::optional<std::pair<core::Ticket, TicketRepository::TicketParts>>
SqliteTickets::ticket_with_parts(Id number) {
  auto s = db_.prepare(std::string(kTicketColumns) +
                       ", t.parts "
                       "FROM tickets t JOIN users u ON u.id = t.requester_id WHERE t.number = ?");
  s.bind(1, number);
  if (!s.step()) return std::nullopt;
  // Bits kept by triggers (migration 025_ticket_parts).
  const auto bits = s.int64(24);
  TicketParts parts;
  parts.fields = (bits & 1) != 0;
  parts.escalations = (bits & 2) != 0;
  parts.promises = (bits & 4) != 0;
  parts.replacements = (bits & 8) != 0;
  return std::pair(read_ticket(s), parts);
}

bool SqliteTickets::update_ticket(const core::Ticket& t) {
  std::optional<std::string> stored_status;
  {
    auto q = db_.prepare("SELECT status FROM tickets WHERE number = ?");
    q.bind(1, t.number);
    if (q.step()) stored_status = q.text(0);
  }
  auto s = db_.prepare(
      "UPDATE tickets SET status = ?, priority = ?, assignee_id = ?, team_id = ?, category = ?, "
      "updated_at = ?, first_response_at = ?, resolved_at = ?, closed_at = ?, merged_into = ?, "
      "organization_id = ?, version = ?, public_version = ?, public_updated_at = ?, "
      "customer_replied_at = ?, service_id = ?18 WHERE number = ?16 AND version = ?17");
  s.bind(1, core::to_string(t.status)).bind(2, core::to_string(t.priority));
  s.bind(3, t.assignee_id).bind(4, t.team_id).bind(5, t.category).bind(6, t.updated_at);
  s.bind(7, t.first_response_at).bind(8, t.resolved_at).bind(9, t.closed_at);
  s.bind(10, t.merged_into).bind(11, t.organization_id).bind(12, t.version);
  s.bind(13, t.public_version).bind(14, t.public_updated_at).bind(15, t.customer_replied_at);
  s.bind(16, t.number).bind(17, t.version - 1).bind(18, t.service_id);
  s.run();
  if (db_.changes() == 0) return false;
  write_tags(db_, t.number, t.tags);
  if (stored_status != core::to_string(t.status)) {
    db_.prepare("UPDATE ticket_search SET facets = ? WHERE rowid = ?")
        .bind(1, status_facet(t.status))
        .bind(2, t.number)
        .run();
  }
  return true;
}

namespace {

using SqlParams = std::vector<std::variant<std::int64_t, std::string>>;

// Appends " AND …" conditions on tickets `t` for every filter field, binding values in order.
void append_filter_conditions(const TicketFilter& f, std::string& sql, SqlParams& params) {
  auto in_list = [&](const char* column, const auto& values) {
    sql += std::string(" AND ") + column + " IN (";
    for (std::size_t i = 0; i < values.size(); ++i) {
      sql += i ? ",?" : "?";
      params.emplace_back(std::string(core::to_string(values[i])));
    }
    sql += ")";
  };
  if (!f.statuses.empty()) in_list("t.status", f.statuses);
  if (!f.priorities.empty()) in_list("t.priority", f.priorities);
  auto equals = [&](const char* fragment, std::int64_t value) {
    sql += fragment;
    params.emplace_back(value);
  };
  if (f.unassigned) sql += " AND t.assignee_id IS NULL";
  if (f.assignee_id) equals(" AND t.assignee_id = ?", *f.assignee_id);
  if (f.team_id) equals(" AND t.team_id = ?", *f.team_id);
  if (f.service_id) equals(" AND t.service_id = ?", *f.service_id);
  if (f.requester_id) equals(" AND t.requester_id = ?", *f.requester_id);
  if (f.requester_text) {
    sql +=
        " AND t.requester_id IN (SELECT id FROM users WHERE instr(lower(email), ?) > 0 "
        "OR instr(lower(name), ?) > 0)";
    params.emplace_back(core::to_lower_ascii(*f.requester_text));
    params.emplace_back(core::to_lower_ascii(*f.requester_text));
  }
  if (f.organization_id) equals(" AND t.organization_id = ?", *f.organization_id);
  if (f.category) {
    sql += " AND t.category = ? COLLATE NOCASE";
    params.emplace_back(*f.category);
  }
  if (f.updated_since) {
    equals(f.visible_requester_id ? " AND t.public_updated_at >= ?" : " AND t.updated_at >= ?",
           *f.updated_since);
  }
  if (f.created_after) equals(" AND t.created_at >= ?", *f.created_after);
  if (f.created_before) equals(" AND t.created_at < ?", *f.created_before);
  for (const auto& tag : f.tags) {
    sql +=
        " AND EXISTS (SELECT 1 FROM ticket_tags g WHERE g.ticket_number = t.number AND g.tag = ?)";
    params.emplace_back(tag);
  }
  for (const auto& [key, value] : f.fields) {
    sql +=
        " AND EXISTS (SELECT 1 FROM ticket_fields v WHERE v.ticket_number = t.number AND "
        "v.question_key = ? AND v.value = ?)";
    params.emplace_back(key);
    params.emplace_back(value);
  }
  if (f.visible_requester_id) {
    if (f.visible_organization_id) {
      sql += " AND (t.requester_id = ? OR t.organization_id = ?)";
      params.emplace_back(*f.visible_requester_id);
      params.emplace_back(*f.visible_organization_id);
    } else {
      equals(" AND t.requester_id = ?", *f.visible_requester_id);
    }
  }
}

// ORDER BY for a listing; every order ends on the number so pages never overlap.
std::string order_clause(const TicketFilter& f) {
  const char* dir = f.ascending ? " ASC" : " DESC";
  std::string column;
  switch (f.order) {
    case TicketOrder::updated:
      column = f.visible_requester_id ? "t.public_updated_at" : "t.updated_at";
      break;
    case TicketOrder::created:
      column = "t.created_at";
      break;
    case TicketOrder::number:
      return std::string(" ORDER BY t.number") + dir;
    case TicketOrder::priority:
      column =
          "CASE t.priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END";
      break;
  }
  return " ORDER BY " + column + dir + ", t.number" + dir;
}

bool keyset_paged(const TicketFilter& f) { return f.order == TicketOrder::updated && !f.ascending; }

void bind_all(Stmt& s, const SqlParams& params) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    int index = static_cast<int>(i) + 1;
    std::visit([&](const auto& v) { s.bind(index, v); }, params[i]);
  }
}

}  // namespace

TicketPage SqliteTickets::list_tickets(const TicketFilter& f) {
  const auto match = fts5_ticket_match(f.text, f.text_includes_internal, f.statuses);
  const bool ranked = match.has_value();
  std::string sql;
  // Parameters are bound in the order their fragments are appended.
  SqlParams params;
  if (ranked) {
    // Relevance over a recency window: the inner query walks matches newest first (FTS5 reads
    // its doclists in rowid order, no sort) and stops after the candidates the page needs, at
    // least kSearchWindow; only those are scored (frontline_rank: hits weighted by column,
    // subject highest). Ranking every match of two common words in a million tickets costs
    // hundreds of milliseconds; help desk searches care about recent tickets first. The order
    // is the same for every page — the newest kSearchWindow matches best first, then the older
    // ones newest first — so paging by offset returns each match once.
    sql =
        "SELECT c.number, c.score FROM (SELECT number, score, row_number() OVER (ORDER BY number "
        "DESC) AS recency FROM (SELECT ticket_search.rowid AS number, "
        "frontline_rank(ticket_search, 10.0, 1.0, 1.0, 2.0, 0.0) AS score "
        "FROM ticket_search JOIN tickets t ON t.number = ticket_search.rowid "
        "WHERE ticket_search MATCH ?";
    params.emplace_back(*match);
  } else {
    sql = std::string(kTicketColumns) +
          "FROM tickets t JOIN users u ON u.id = t.requester_id WHERE 1";
  }
  append_filter_conditions(f, sql, params);
  if (ranked) {
    sql +=
        " ORDER BY ticket_search.rowid DESC LIMIT ?)) c ORDER BY c.recency > ?, CASE WHEN "
        "c.recency <= ? THEN c.score END, c.number DESC LIMIT ? OFFSET ?";
    params.emplace_back(std::max(kSearchWindow, f.offset + f.limit + 1));
    params.emplace_back(kSearchWindow);
    params.emplace_back(kSearchWindow);
    params.emplace_back(static_cast<std::int64_t>(f.limit) + 1);
    params.emplace_back(f.offset);
  } else if (keyset_paged(f)) {
    if (f.after) {
      sql += f.visible_requester_id ? " AND (t.public_updated_at, t.number) < (?, ?)"
                                    : " AND (t.updated_at, t.number) < (?, ?)";
      params.emplace_back(f.after->first);
      params.emplace_back(f.after->second);
    }
    sql += order_clause(f) + " LIMIT ?";
    params.emplace_back(static_cast<std::int64_t>(f.limit) + 1);
  } else {
    sql += order_clause(f) + " LIMIT ? OFFSET ?";
    params.emplace_back(static_cast<std::int64_t>(f.limit) + 1);
    params.emplace_back(f.offset);
  }

  auto s = db_.prepare(sql);
  bind_all(s, params);
  TicketPage page;
  std::vector<Id> ranked_numbers;
  while (s.step()) {
    if (static_cast<int>(page.items.size() + ranked_numbers.size()) == f.limit) {
      page.has_more = true;
      break;
    }
    if (ranked) {
      ranked_numbers.push_back(s.int64(0));
    } else {
      page.items.push_back(read_ticket(s));
    }
  }
  for (Id number : ranked_numbers) {
    if (auto t = ticket_by_number(number)) page.items.push_back(std::move(*t));
  }
  return page;
}

std::int64_t SqliteTickets::count_tickets(const TicketFilter& f, std::int64_t cap) {
  std::string sql;
  SqlParams params;
  if (const auto match = fts5_ticket_match(f.text, f.text_includes_internal, f.statuses)) {
    sql =
        "SELECT count(*) FROM (SELECT 1 FROM ticket_search JOIN tickets t ON t.number = "
        "ticket_search.rowid WHERE ticket_search MATCH ?";
    params.emplace_back(*match);
  } else {
    sql = "SELECT count(*) FROM (SELECT 1 FROM tickets t WHERE 1";
  }
  append_filter_conditions(f, sql, params);
  sql += " LIMIT ?)";
  params.emplace_back(cap);
  auto s = db_.prepare(sql);
  bind_all(s, params);
  return s.step() ? s.int64(0) : 0;
}

std::vector<Id> SqliteTickets::tickets_resolved_before(UnixTime before, int limit) {
  auto s = db_.prepare(
      "SELECT number FROM tickets WHERE status = 'resolved' AND resolved_at <= ? "
      "ORDER BY resolved_at LIMIT ?");
  s.bind(1, before).bind(2, static_cast<std::int64_t>(limit));
  std::vector<Id> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

void SqliteTickets::link_tickets(Id a, Id b) {
  db_.prepare("INSERT OR IGNORE INTO ticket_links(a, b) VALUES(min(?1, ?2), max(?1, ?2))")
      .bind(1, a)
      .bind(2, b)
      .run();
}

std::vector<Id> SqliteTickets::linked_tickets(Id number) {
  auto s = db_.prepare(
      "SELECT b FROM ticket_links WHERE a = ?1 UNION SELECT a FROM ticket_links WHERE b = ?1 "
      "ORDER BY 1");
  s.bind(1, number);
  std::vector<Id> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

void SqliteTickets::add_ticket_cc(Id ticket_number, std::string_view email) {
  db_.prepare("INSERT OR IGNORE INTO ticket_ccs(ticket_number, email) VALUES(?, ?)")
      .bind(1, ticket_number)
      .bind(2, email)
      .run();
}

std::vector<std::string> SqliteTickets::ticket_ccs(Id ticket_number) {
  auto s = db_.prepare("SELECT email FROM ticket_ccs WHERE ticket_number = ? ORDER BY email");
  s.bind(1, ticket_number);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

std::optional<Id> SqliteTickets::idempotent_ticket(Id user_id, std::string_view key) {
  auto s = db_.prepare("SELECT ticket_number FROM idempotency_keys WHERE user_id = ? AND key = ?");
  s.bind(1, user_id).bind(2, key);
  if (!s.step()) return std::nullopt;
  return s.int64(0);
}

void SqliteTickets::remember_idempotent_ticket(Id user_id, std::string_view key, Id number,
                                               UnixTime now) {
  db_.prepare(
         "INSERT INTO idempotency_keys(user_id, key, ticket_number, created_at) "
         "VALUES(?, ?, ?, ?)")
      .bind(1, user_id)
      .bind(2, key)
      .bind(3, number)
      .bind(4, now)
      .run();
}

}  // namespace frontline::store::sqlite
