// The FTS5 search compiler (see header). FTS5 strings are the only quoting it needs: inside
// "...", every character is text for the tokenizer, and '"' is written twice.
#include "store/sqlite/fts5_query.hpp"

#include <string_view>

namespace frontline::store::sqlite {
namespace {

void append_fts5_string(std::string_view s, std::string& out) {
  out += '"';
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

std::string status_facet(core::Status status) {
  std::string token = "zzstatus";
  for (char c : core::to_string(status)) {
    if (c != '_') token += c;
  }
  return token;
}

std::string fts5_terms(const core::TextQuery& query) {
  std::string out;
  for (const auto& term : query.terms) {
    if (term.text.empty()) continue;
    if (!out.empty()) out += " AND ";
    append_fts5_string(term.text, out);
    if (term.kind == core::TextTerm::Kind::prefix) out += '*';
  }
  return out;
}

std::optional<std::string> fts5_ticket_match(const core::TextQuery& query, bool include_internal,
                                             std::span<const core::Status> statuses) {
  const std::string terms = fts5_terms(query);
  if (terms.empty()) return std::nullopt;
  std::string match = include_internal ? "{subject public_text internal_text requester} : ("
                                       : "{subject public_text requester} : (";
  match += terms + ")";
  if (!statuses.empty()) {
    match += " AND facets : (";
    for (std::size_t i = 0; i < statuses.size(); ++i) {
      match += (i ? " OR " : "") + status_facet(statuses[i]);
    }
    match += ")";
  }
  return match;
}

}  // namespace frontline::store::sqlite
