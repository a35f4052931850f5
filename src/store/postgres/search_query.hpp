// The PostgreSQL engine's search compiler: a neutral core::TextQuery turned into tsquery text for
// to_tsquery('frontline_search', …) over ticket_search's public_doc and internal_doc (see
// 016_baseline.sql), the counterpart of store/sqlite/fts5_query. Pure string building, no
// PostgreSQL calls; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/text_query.hpp"

namespace frontline::store::postgres {

// The token the facets column holds for a status ("zzstatusonhold"), as in SQLite.
std::string status_facet(core::Status status);

// The SQL function frontline_search_text (016_baseline.sql), in C++: every run of ASCII
// punctuation (the bytes ! to /, : to @, [ to `, { to ~) becomes one space, so a term splits into
// words where the documents' text was split. Other bytes are kept.
std::string search_text(std::string_view text);

// One term compiled: its words (search_text split on ASCII whitespace) and the tsquery text that
// matches them — each word a quoted operand ('' for a quote), a prefix's last word with :*, and
// the words of a phrase or of a word that split in several joined with <-> (adjacent, in order)
// within one column. A document concatenates its columns (public_doc: subject, requester,
// message text), so the last word of one column is adjacent to the first of the next, where
// FTS5 never matches a phrase across columns; each column has its own weight (subject A,
// requester B, internal text C, message text D), so a phrase is one alternative per weight with
// every word carrying it: ('a':A <-> 'b':A) | ('a':B <-> 'b':B) | … A single word needs none.
struct TsqueryTerm {
  std::vector<std::string> words;
  bool prefix = false;
  std::string tsquery;
};

// The terms in order; a term with no word left (nothing but punctuation) is skipped.
std::vector<TsqueryTerm> tsquery_terms(const core::TextQuery& query);

// Every term AND-ed ("(a) & (b <-> c)"); "" when there is none. One tsquery for a search of one
// document (a customer's: public_doc only); staff search a term in either document, so they
// need the terms one by one (tsquery_terms).
std::string tsquery_text(const core::TextQuery& query);

}  // namespace frontline::store::postgres
