// The ticket search box's query language: free words, "quoted phrases" and key:value filters
// (status, priority, assignee, team, requester, org, category, tag, created>/</>=/<= dates) parsed
// into a SearchQuery, plus the FTS5 MATCH text for its words. Pure functions; no I/O; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace frontline::core {

inline constexpr std::size_t kMaxSearchQueryBytes = 1000;

struct SearchQuery {
  std::vector<std::string> words;     // bare words, lower-cased, in order; "foo*" keeps its '*'
  std::vector<std::string> phrases;   // "quoted phrases" (inner text, lower-cased)
  std::vector<std::string> statuses;  // status:open ; repeatable; status:open,pending (comma = OR)
  std::vector<std::string> priorities;      // priority:high ; same rules
  std::optional<std::string> assignee;      // "me" | "none" | an email (lower-cased)
  std::optional<std::string> team;          // team:NAME, case kept (NAME may be quoted)
  std::optional<std::string> requester;     // requester:EMAIL (lower-cased)
  std::optional<std::string> organization;  // org:NAME, case kept (may be quoted)
  std::optional<std::string> category;      // category:NAME, case kept (may be quoted)
  std::vector<std::string> tags;            // tag:x (lower-cased); repeatable, all must match
  // Unix seconds UTC, inclusive: created>D is the start of D+1, created>=D the start of D.
  std::optional<std::int64_t> created_after;
  // Unix seconds UTC, exclusive: created<D is the start of D, created<=D the start of D+1.
  std::optional<std::int64_t> created_before;

  bool empty_text() const;  // no words and no phrases
};

// Parses the search box text. Terms are separated by spaces and ASCII control characters; a '"'
// always opens a quoted phrase (or a quoted filter value right after "key:"). Filter keys are
// case-insensitive; an unknown key ("foo:bar") is an ordinary word. Repeated status/priority
// filters are OR-ed and tags AND-ed; repeated created bounds keep the tightest; assignee, team,
// requester, org and category may appear once. Words and phrases with no letter or digit (e.g. "-")
// are dropped: FTS5 would see an empty phrase and match nothing. Fails with Errc::bad_input and
// FieldError{"q", ...} on text over kMaxSearchQueryBytes, invalid UTF-8, an unterminated quote, an
// empty filter value, an unknown status or priority, a malformed assignee/requester, a repeated
// single-valued filter, or a date that is not a real YYYY-MM-DD calendar day.
Result<SearchQuery> parse_search_query(std::string_view text);

// The FTS5 MATCH expression for q's words and phrases (filters are not included): each one as a
// double-quoted FTS5 string (inner '"' doubled), words first then phrases, joined with " AND ".
// A word ending in '*' loses its trailing stars and becomes a prefix query: "word"*.
// Returns "" when q.empty_text().
std::string to_fts5_match(const SearchQuery& q);

}  // namespace frontline::core
