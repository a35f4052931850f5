// The SQLite engine's search compiler: a neutral core::TextQuery, the caller's visibility and the
// status filter turned into an FTS5 MATCH expression over ticket_search (see 001_core.sql). Pure
// string building, no SQLite calls; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "core/model.hpp"
#include "core/text_query.hpp"

namespace frontline::store::sqlite {

// The token the facets column holds for a status ("zzstatusonhold"); typed terms never search
// that column.
std::string status_facet(core::Status status);

// The terms alone: each one a double-quoted FTS5 string (inner '"' doubled), so no FTS5 operator
// or column filter in the text takes effect; a prefix term becomes "text"*. Joined with " AND ",
// in order. Terms with empty text are skipped (they would be an empty phrase); "" when none is
// left.
std::string fts5_terms(const core::TextQuery& query);

// The MATCH expression for a ticket search: the terms in the columns the caller may search
// (internal_text only when include_internal, for staff), AND-ed with one of the status facets
// when statuses is not empty. nullopt when the query has no term to search for.
std::optional<std::string> fts5_ticket_match(const core::TextQuery& query, bool include_internal,
                                             std::span<const core::Status> statuses);

}  // namespace frontline::store::sqlite
