// PostgreSQL TicketRepository: tickets, tags, links, copied people, idempotent creates, listing and
// search. Queries are named constants next to the code that runs them; every value is bound as a
// parameter. The SQLite adapter's tickets.cpp in PostgreSQL SQL; where they differ (search above
// all: tsquery over ticket_search's generated tsvectors instead of FTS5, frontline_rank computed
// from the documents' lexeme positions) the comment says why.
#include <algorithm>
#include <string>
#include <variant>

#include "core/text.hpp"
#include "store/postgres/repositories.hpp"
#include "store/postgres/search_query.hpp"

namespace frontline::store::postgres {

using core::Id;

namespace {

constexpr char kTagSeparator = '\x1f';
// Tags come in byte order, as SQLite reads them from the (ticket_number, tag) key: COLLATE "C".
// How many of the newest matching tickets a search scores for relevance (see list_tickets):
// 250 cost 2-4 ms per query on a million tickets, 100 about 1 ms.
constexpr std::int64_t kSearchWindow = 100;
constexpr const char* kTicketColumns =
    "SELECT t.number, t.subject, t.status, t.priority, t.requester_id, t.organization_id, "
    "t.assignee_id, t.team_id, t.category, t.channel, t.created_at, t.updated_at, "
    "t.first_response_at, t.resolved_at, t.closed_at, t.merged_into, t.version, u.email, u.name, "
    "(SELECT string_agg(tag, chr(31) ORDER BY tag COLLATE \"C\") FROM ticket_tags "
    "WHERE ticket_number = t.number), "
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
  db.prepare("DELETE FROM ticket_tags WHERE ticket_number = $1").bind(1, number).run();
  for (const auto& tag : tags) {
    db.prepare("INSERT INTO ticket_tags(ticket_number, tag) VALUES($1, $2) ON CONFLICT DO NOTHING")
        .bind(1, number)
        .bind(2, tag)
        .run();
  }
}

}  // namespace

void PgTickets::insert_ticket(core::Ticket& t, std::string_view public_text,
                              std::string_view internal_text) {
  auto s = db_.prepare(
      "INSERT INTO tickets(subject, status, priority, requester_id, organization_id, "
      "assignee_id, team_id, category, channel, created_at, updated_at, first_response_at, "
      "resolved_at, closed_at, merged_into, version, public_version, public_updated_at, "
      "customer_replied_at, service_id) "
      "VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
      "$19, $20) RETURNING number");
  s.bind(1, t.subject).bind(2, core::to_string(t.status)).bind(3, core::to_string(t.priority));
  s.bind(4, t.requester_id).bind(5, t.organization_id).bind(6, t.assignee_id).bind(7, t.team_id);
  s.bind(8, t.category).bind(9, core::to_string(t.channel)).bind(10, t.created_at);
  s.bind(11, t.updated_at).bind(12, t.first_response_at).bind(13, t.resolved_at);
  s.bind(14, t.closed_at).bind(15, t.merged_into).bind(16, t.version);
  s.bind(17, t.public_version).bind(18, t.public_updated_at).bind(19, t.customer_replied_at);
  s.bind(20, t.service_id);
  s.step();
  t.number = s.int64(0);
  if (!t.tags.empty()) write_tags(db_, t.number, t.tags);
  std::string requester = t.requester_name + " " + t.requester_email;
  db_.prepare(
         "INSERT INTO ticket_search(ticket_number, subject, public_text, internal_text, requester, "
         "facets) VALUES($1, $2, $3, $4, $5, $6)")
      .bind(1, t.number)
      .bind(2, t.subject)
      .bind(3, public_text)
      .bind(4, internal_text)
      .bind(5, requester)
      .bind(6, status_facet(t.status))
      .run();
}

std::optional<core::Ticket> PgTickets::ticket_by_number(Id number) {
  auto s = db_.prepare(std::string(kTicketColumns) +
                       "FROM tickets t JOIN users u ON u.id = t.requester_id WHERE t.number = $1");
  s.bind(1, number);
  if (!s.step()) return std::nullopt;
  return read_ticket(s);
}

std::optional<std::pair<core::Ticket, TicketRepository::TicketParts>> PgTickets::ticket_with_parts(
    Id number) {
  auto s = db_.prepare(std::string(kTicketColumns) +
                       ", t.parts "
                       "FROM tickets t JOIN users u ON u.id = t.requester_id WHERE t.number = $1");
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

bool PgTickets::update_ticket(const core::Ticket& t) {
  std::optional<std::string> stored_status;
  {
    auto q = db_.prepare("SELECT status FROM tickets WHERE number = $1");
    q.bind(1, t.number);
    if (q.step()) stored_status = q.text(0);
  }
  auto s = db_.prepare(
      "UPDATE tickets SET status = $1, priority = $2, assignee_id = $3, team_id = $4, "
      "category = $5, updated_at = $6, first_response_at = $7, resolved_at = $8, closed_at = $9, "
      "merged_into = $10, organization_id = $11, version = $12, public_version = $13, "
      "public_updated_at = $14, customer_replied_at = $15, service_id = $18 WHERE number = $16 "
      "AND version = $17");
  s.bind(1, core::to_string(t.status)).bind(2, core::to_string(t.priority));
  s.bind(3, t.assignee_id).bind(4, t.team_id).bind(5, t.category).bind(6, t.updated_at);
  s.bind(7, t.first_response_at).bind(8, t.resolved_at).bind(9, t.closed_at);
  s.bind(10, t.merged_into).bind(11, t.organization_id).bind(12, t.version);
  s.bind(13, t.public_version).bind(14, t.public_updated_at).bind(15, t.customer_replied_at);
  s.bind(16, t.number).bind(17, t.version - 1).bind(18, t.service_id);
  if (s.changes() == 0) return false;
  write_tags(db_, t.number, t.tags);
  if (stored_status != core::to_string(t.status)) {
    db_.prepare("UPDATE ticket_search SET facets = $1 WHERE ticket_number = $2")
        .bind(1, status_facet(t.status))
        .bind(2, t.number)
        .run();
  }
  return true;
}

namespace {

// Values bound in the order their fragments are appended; PostgreSQL numbers its parameters, so
// add() returns the placeholder ("$3") to write where SQLite writes "?".
class SqlParams {
 public:
  std::string add(std::variant<std::int64_t, std::string> value) {
    values_.push_back(std::move(value));
    return "$" + std::to_string(values_.size());
  }
  void bind_all(Stmt& s) const {
    for (std::size_t i = 0; i < values_.size(); ++i) {
      const int index = static_cast<int>(i) + 1;
      std::visit([&](const auto& v) { s.bind(index, v); }, values_[i]);
    }
  }

 private:
  std::vector<std::variant<std::int64_t, std::string>> values_;
};

// Appends " AND …" conditions on tickets `t` for every filter field, binding values in order.
void append_filter_conditions(const TicketFilter& f, std::string& sql, SqlParams& params) {
  auto in_list = [&](const char* column, const auto& values) {
    sql += std::string(" AND ") + column + " IN (";
    for (std::size_t i = 0; i < values.size(); ++i) {
      sql += (i ? "," : "") + params.add(std::string(core::to_string(values[i])));
    }
    sql += ")";
  };
  if (!f.statuses.empty()) in_list("t.status", f.statuses);
  if (!f.priorities.empty()) in_list("t.priority", f.priorities);
  auto equals = [&](const char* fragment, std::int64_t value) {
    sql += fragment + params.add(value);
  };
  if (f.unassigned) sql += " AND t.assignee_id IS NULL";
  if (f.assignee_id) equals(" AND t.assignee_id = ", *f.assignee_id);
  if (f.team_id) equals(" AND t.team_id = ", *f.team_id);
  if (f.service_id) equals(" AND t.service_id = ", *f.service_id);
  if (f.requester_id) equals(" AND t.requester_id = ", *f.requester_id);
  if (f.requester_text) {
    // strpos for instr; the needle is lower-cased ASCII as in SQLite, the columns lower()-ed.
    const auto needle = params.add(core::to_lower_ascii(*f.requester_text));
    sql += " AND t.requester_id IN (SELECT id FROM users WHERE strpos(lower(email::text), " +
           needle + ") > 0 OR strpos(lower(name), " + needle + ") > 0)";
  }
  if (f.organization_id) equals(" AND t.organization_id = ", *f.organization_id);
  if (f.category) {
    // tickets.category is TEXT (a copy of a category's name), so NOCASE becomes lower() = lower().
    sql += " AND lower(t.category) = lower(" + params.add(*f.category) + ")";
  }
  if (f.updated_since) {
    equals(f.visible_requester_id ? " AND t.public_updated_at >= " : " AND t.updated_at >= ",
           *f.updated_since);
  }
  if (f.created_after) equals(" AND t.created_at >= ", *f.created_after);
  if (f.created_before) equals(" AND t.created_at < ", *f.created_before);
  for (const auto& tag : f.tags) {
    sql +=
        " AND EXISTS (SELECT 1 FROM ticket_tags g WHERE g.ticket_number = t.number AND g.tag = " +
        params.add(tag) + ")";
  }
  for (const auto& [key, value] : f.fields) {
    // value is citext: = ignores case as SQLite's COLLATE NOCASE column does.
    sql +=
        " AND EXISTS (SELECT 1 FROM ticket_fields v WHERE v.ticket_number = t.number AND "
        "v.question_key = " +
        params.add(key) + " AND v.value = " + params.add(value) + ")";
  }
  if (f.visible_requester_id) {
    if (f.visible_organization_id) {
      sql += " AND (t.requester_id = " + params.add(*f.visible_requester_id) +
             " OR t.organization_id = " + params.add(*f.visible_organization_id) + ")";
    } else {
      equals(" AND t.requester_id = ", *f.visible_requester_id);
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

// The text match on ticket_search `s`, as " AND …" conditions; false when the query has no term
// (then there is no search, as with fts5_ticket_match's nullopt). A customer's terms must all be
// in public_doc (one tsquery); staff may find each term in either document, so each term is
// its own tsquery, in public_doc OR internal_doc (a term split across the two never matches, as
// in FTS5 where a phrase never spans columns). The status filter also names the facets, whose
// B-tree index combines with the GIN match.
bool append_text_match(const TicketFilter& f, std::string& sql, SqlParams& params) {
  const auto terms = tsquery_terms(f.text);
  if (terms.empty()) return false;
  if (f.text_includes_internal) {
    for (const auto& term : terms) {
      const auto q = "to_tsquery('frontline_search', " + params.add(term.tsquery) + ")";
      sql += " AND (s.public_doc @@ " + q + " OR s.internal_doc @@ " + q + ")";
    }
  } else {
    sql += " AND s.public_doc @@ to_tsquery('frontline_search', " +
           params.add(tsquery_text(f.text)) + ")";
  }
  if (!f.statuses.empty()) {
    sql += " AND s.facets IN (";
    for (std::size_t i = 0; i < f.statuses.size(); ++i) {
      sql += (i ? "," : "") + params.add(status_facet(f.statuses[i]));
    }
    sql += ")";
  }
  return true;
}

// frontline_rank (store/sqlite/search_rank.cpp) over a candidate's documents: the sum, over every
// instance of every term, of its column's weight — subject 10 (weight A), requester 2 (B),
// message text 1 (D) and internal text 1 (C, staff only). An instance is a run of positions
// holding the term's lexemes in order, in one column (one weight: concatenated documents never
// let a run span two columns), the last lexeme only a prefix for a prefix term. The terms'
// lexemes come from the same configuration as the documents' (to_tsvector of the term's words,
// in position order), so they are the tsquery's. ts_rank is not used: its scores do not order
// tickets as frontline_rank does. Where SQLite counts every occurrence, a tsvector keeps at most
// 256 positions per lexeme (and none past 16383), so very long documents count fewer.
std::string rank_expression(const TicketFilter& f, SqlParams& params) {
  std::string terms;
  int n = 0;
  for (const auto& term : tsquery_terms(f.text)) {
    std::string words;
    for (const auto& w : term.words) words += (words.empty() ? "" : " ") + w;
    if (n++) terms += ", ";
    terms += "(" + std::to_string(n) + ", " + params.add(words) + "::text, " +
             params.add(std::int64_t{term.prefix}) + "::bigint = 1)";
  }
  const char* docs = f.text_includes_internal ? "m.public_doc || m.internal_doc" : "m.public_doc";
  return std::string(
             "(SELECT coalesce(sum(CASE h.weight WHEN 'A' THEN 10 WHEN 'B' THEN 2 ELSE 1 END), 0) "
             "FROM (SELECT tok.weight FROM (SELECT x.n, x.prefix, ARRAY(SELECT u.lexeme FROM "
             "unnest(to_tsvector('frontline_search', x.words)) u, unnest(u.positions) p ORDER BY "
             "p) AS lexemes FROM (VALUES ") +
         terms +
         ") x(n, words, prefix)) q CROSS JOIN generate_subscripts(q.lexemes, 1) i JOIN (SELECT "
         "u.lexeme, pw.pos, pw.weight FROM unnest(" +
         docs +
         ") u, unnest(u.positions, u.weights) pw(pos, weight)) tok ON tok.lexeme = q.lexemes[i] "
         "OR (q.prefix AND i = cardinality(q.lexemes) AND starts_with(tok.lexeme, q.lexemes[i])) "
         "GROUP BY q.n, q.lexemes, tok.pos - i, tok.weight "
         "HAVING count(DISTINCT i) = cardinality(q.lexemes)) h)";
}

}  // namespace

TicketPage PgTickets::list_tickets(const TicketFilter& f) {
  std::string sql;
  // Parameters are bound in the order their fragments are appended.
  SqlParams params;
  std::string match;
  const bool ranked = append_text_match(f, match, params);
  if (ranked) {
    // Relevance over a recency window, as in SQLite: the inner query walks matches newest first
    // and stops after the candidates the page needs, at least kSearchWindow; only those are
    // scored (rank_expression: hits weighted by column, subject highest). The order is the same
    // for every page — the newest kSearchWindow matches best first, ties newest first, then the
    // older ones newest first — so paging by offset returns each match once.
    const auto window = params.add(kSearchWindow);
    sql = "SELECT c.number FROM (SELECT m.number, m.recency, CASE WHEN m.recency <= " + window +
          " THEN " + rank_expression(f, params) +
          " END AS hits FROM (SELECT w.*, row_number() OVER (ORDER BY w.number DESC) AS recency "
          "FROM (SELECT s.ticket_number AS number, s.public_doc, s.internal_doc "
          "FROM ticket_search s JOIN tickets t ON t.number = s.ticket_number WHERE true" +
          match;
    append_filter_conditions(f, sql, params);
    sql += " ORDER BY s.ticket_number DESC LIMIT " +
           params.add(std::max(kSearchWindow, f.offset + f.limit + 1)) + ") w) m) c ORDER BY " +
           "c.recency > " + window + ", c.hits DESC NULLS LAST, c.number DESC LIMIT " +
           params.add(static_cast<std::int64_t>(f.limit) + 1) + " OFFSET " + params.add(f.offset);
  } else {
    sql = std::string(kTicketColumns) +
          "FROM tickets t JOIN users u ON u.id = t.requester_id WHERE true";
    append_filter_conditions(f, sql, params);
    if (keyset_paged(f)) {
      if (f.after) {
        const auto updated = params.add(f.after->first);
        const auto number = params.add(f.after->second);
        sql += (f.visible_requester_id ? " AND (t.public_updated_at, t.number) < ("
                                       : " AND (t.updated_at, t.number) < (") +
               updated + ", " + number + ")";
      }
      sql += order_clause(f) + " LIMIT " + params.add(static_cast<std::int64_t>(f.limit) + 1);
    } else {
      sql += order_clause(f) + " LIMIT " + params.add(static_cast<std::int64_t>(f.limit) + 1) +
             " OFFSET " + params.add(f.offset);
    }
  }

  auto s = db_.prepare(sql);
  params.bind_all(s);
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

std::int64_t PgTickets::count_tickets(const TicketFilter& f, std::int64_t cap) {
  std::string sql;
  SqlParams params;
  std::string match;
  if (append_text_match(f, match, params)) {
    sql =
        "SELECT count(*) FROM (SELECT 1 FROM ticket_search s JOIN tickets t ON t.number = "
        "s.ticket_number WHERE true" +
        match;
  } else {
    sql = "SELECT count(*) FROM (SELECT 1 FROM tickets t WHERE true";
  }
  append_filter_conditions(f, sql, params);
  sql += " LIMIT " + params.add(cap) + ") c";
  auto s = db_.prepare(sql);
  params.bind_all(s);
  return s.step() ? s.int64(0) : 0;
}

std::vector<Id> PgTickets::tickets_resolved_before(UnixTime before, int limit) {
  auto s = db_.prepare(
      "SELECT number FROM tickets WHERE status = 'resolved' AND resolved_at <= $1 "
      "ORDER BY resolved_at LIMIT $2");
  s.bind(1, before).bind(2, static_cast<std::int64_t>(limit));
  std::vector<Id> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

void PgTickets::link_tickets(Id a, Id b) {
  db_.prepare(
         "INSERT INTO ticket_links(a, b) VALUES(least($1::bigint, $2::bigint), "
         "greatest($1::bigint, $2::bigint)) ON CONFLICT DO NOTHING")
      .bind(1, a)
      .bind(2, b)
      .run();
}

std::vector<Id> PgTickets::linked_tickets(Id number) {
  auto s = db_.prepare(
      "SELECT b FROM ticket_links WHERE a = $1 UNION SELECT a FROM ticket_links WHERE b = $1 "
      "ORDER BY 1");
  s.bind(1, number);
  std::vector<Id> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

void PgTickets::add_ticket_cc(Id ticket_number, std::string_view email) {
  db_.prepare("INSERT INTO ticket_ccs(ticket_number, email) VALUES($1, $2) ON CONFLICT DO NOTHING")
      .bind(1, ticket_number)
      .bind(2, email)
      .run();
}

std::vector<std::string> PgTickets::ticket_ccs(Id ticket_number) {
  auto s = db_.prepare("SELECT email FROM ticket_ccs WHERE ticket_number = $1 ORDER BY email");
  s.bind(1, ticket_number);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

std::optional<Id> PgTickets::idempotent_ticket(Id user_id, std::string_view key) {
  auto s =
      db_.prepare("SELECT ticket_number FROM idempotency_keys WHERE user_id = $1 AND key = $2");
  s.bind(1, user_id).bind(2, key);
  if (!s.step()) return std::nullopt;
  return s.int64(0);
}

void PgTickets::remember_idempotent_ticket(Id user_id, std::string_view key, Id number,
                                           UnixTime now) {
  db_.prepare(
         "INSERT INTO idempotency_keys(user_id, key, ticket_number, created_at) "
         "VALUES($1, $2, $3, $4)")
      .bind(1, user_id)
      .bind(2, key)
      .bind(3, number)
      .bind(4, now)
      .run();
}

}  // namespace frontline::store::postgres
