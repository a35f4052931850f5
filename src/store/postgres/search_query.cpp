// The tsquery compiler (see header). Quoting: inside '…' a tsquery operand is text for the parser
// and dictionaries; a quote is written twice and a backslash escaped (search_text has already
// turned both into spaces, so this only guards the rule).
#include "store/postgres/search_query.hpp"

namespace frontline::store::postgres {
namespace {

bool is_ascii_punct(unsigned char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

// The whitespace to_tsvector's parser splits ASCII text on; non-ASCII spaces stay inside a word
// and the parser splits there too (the operand then becomes a phrase of its lexemes).
bool is_ascii_space(unsigned char c) { return c <= ' ' || c == 0x7f; }

void append_operand(std::string_view word, std::string& out) {
  out += '\'';
  for (const char c : word) {
    if (c == '\'') out += '\'';
    if (c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
}

}  // namespace

std::string status_facet(core::Status status) {
  std::string token = "zzstatus";
  for (char c : core::to_string(status)) {
    if (c != '_') token += c;
  }
  return token;
}

std::string search_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (is_ascii_punct(static_cast<unsigned char>(text[i]))) {
      out += ' ';
      while (i < text.size() && is_ascii_punct(static_cast<unsigned char>(text[i]))) ++i;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::vector<TsqueryTerm> tsquery_terms(const core::TextQuery& query) {
  std::vector<TsqueryTerm> out;
  for (const auto& term : query.terms) {
    TsqueryTerm t;
    t.prefix = term.kind == core::TextTerm::Kind::prefix;
    const std::string text = search_text(term.text);
    for (std::size_t i = 0; i < text.size();) {
      while (i < text.size() && is_ascii_space(static_cast<unsigned char>(text[i]))) ++i;
      const std::size_t start = i;
      while (i < text.size() && !is_ascii_space(static_cast<unsigned char>(text[i]))) ++i;
      if (i > start) t.words.push_back(text.substr(start, i - start));
    }
    if (t.words.empty()) continue;
    if (t.words.size() == 1) {
      append_operand(t.words[0], t.tsquery);
      if (t.prefix) t.tsquery += ":*";
    } else {
      // One alternative per column: every word carries the column's weight.
      for (const char weight : {'A', 'B', 'C', 'D'}) {
        if (weight != 'A') t.tsquery += " | ";
        t.tsquery += '(';
        for (std::size_t i = 0; i < t.words.size(); ++i) {
          if (i) t.tsquery += " <-> ";
          append_operand(t.words[i], t.tsquery);
          t.tsquery += ':';
          if (t.prefix && i + 1 == t.words.size()) t.tsquery += '*';
          t.tsquery += weight;
        }
        t.tsquery += ')';
      }
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::string tsquery_text(const core::TextQuery& query) {
  std::string out;
  for (const auto& t : tsquery_terms(query)) {
    if (!out.empty()) out += " & ";
    out += "(" + t.tsquery + ")";
  }
  return out;
}

}  // namespace frontline::store::postgres
