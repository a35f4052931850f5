// The ticket search box's query language: free words, "quoted phrases" and key:value filters
// (status, priority, assignee, team, service, requester, org, category, tag, field,
// created>/</>=/<= dates) parsed into a SearchQuery, whose words and phrases form an engine-neutral
// TextQuery (each store engine compiles it into its own syntax). Pure functions; no I/O;
// thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "core/text_query.hpp"

namespace frontline::core {

inline constexpr std::size_t kMaxSearchQueryBytes = 1000;

struct SearchQuery {
  // Bare words ("foo*" is a prefix) and "quoted phrases", lower-cased, in the order typed.
  TextQuery text;
  std::vector<std::string> statuses;  // status:open ; repeatable; status:open,pending (comma = OR)
  std::vector<std::string> priorities;      // priority:high ; same rules
  std::optional<std::string> assignee;      // "me" | "none" | an email (lower-cased)
  std::optional<std::string> team;          // team:NAME, case kept (NAME may be quoted)
  std::optional<std::string> service;       // service:NAME (a service directory entry)
  std::optional<std::string> requester;     // requester:EMAIL (lower-cased)
  std::optional<std::string> organization;  // org:NAME, case kept (may be quoted)
  std::optional<std::string> category;      // category:NAME, case kept (may be quoted)
  std::vector<std::string> tags;            // tag:x (lower-cased); repeatable, all must match
  // field:KEY=VALUE — an intake answer (key lower-cased, value as typed); repeatable, all must
  // match.
  std::vector<std::pair<std::string, std::string>> fields;
  // Unix seconds UTC, inclusive: created>D is the start of D+1, created>=D the start of D.
  std::optional<std::int64_t> created_after;
  // Unix seconds UTC, exclusive: created<D is the start of D, created<=D the start of D+1.
  std::optional<std::int64_t> created_before;
};

// Parses the search box text. Terms are separated by spaces and ASCII control characters; a '"'
// always opens a quoted phrase (or a quoted filter value right after "key:"); inside quotes \"
// is a quote and \\ a backslash (any other backslash is kept as typed). Filter keys are
// case-insensitive; an unknown key ("foo:bar") is an ordinary word. Repeated status/priority
// filters are OR-ed and tags AND-ed; repeated created bounds keep the tightest; assignee, team,
// service, requester, org and category may appear once. A bare word ending in '*' is a prefix term
// (its trailing stars removed); a '*' anywhere else is part of the text. Words and phrases with no
// letter, digit or non-ASCII character (e.g. "-", "*") are dropped: a tokenizer finds no token in
// them. Fails with Errc::bad_input and
// FieldError{"q", ...} on text over kMaxSearchQueryBytes, invalid UTF-8, an unterminated quote, an
// empty filter value, a field filter without KEY=VALUE, an unknown status or priority, a malformed
// assignee/requester, a repeated single-valued filter, or a date that is not a real YYYY-MM-DD
// calendar day.
Result<SearchQuery> parse_search_query(std::string_view text);

}  // namespace frontline::core
