// Search query parsing: validate the whole text (size, UTF-8), then scan it term by term.
// A term is a quoted phrase, a key:value or created<op>date filter, or a bare word.
#include "core/search_query.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <utility>

#include "core/civil_date.hpp"
#include "core/text.hpp"

namespace frontline::core {
namespace {

constexpr std::array<std::string_view, 6> kStatuses = {"new",     "open",     "pending",
                                                       "on_hold", "resolved", "closed"};
constexpr std::array<std::string_view, 4> kPriorities = {"low", "normal", "high", "urgent"};
constexpr std::size_t kMaxEchoedBytes = 40;  // how much of a bad value an error message repeats
constexpr std::int64_t kSecondsPerDay = 86400;

Error bad_query(std::string message) {
  std::vector<FieldError> fields{FieldError{"q", message}};
  return make_error(Errc::bad_input, std::move(message), std::move(fields));
}

// Quotes a user-supplied value for an error message, cut at a code point boundary if long.
std::string echo(std::string_view value) {
  if (value.size() <= kMaxEchoedBytes) return "'" + std::string(value) + "'";
  std::size_t cut = kMaxEchoedBytes;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(value.substr(0, cut)) + "...'";
}

bool is_control(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7F;
}

bool is_space(char c) { return c == ' '; }  // the text is normalized first: controls are spaces

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ascii_lower(x) == ascii_lower(y);
         });
}

// Whether a tokenizer can find a token in s: an ASCII letter/digit or any non-ASCII byte.
bool has_searchable_char(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80;
  });
}

// Adds the comma-separated alternatives in value to out (deduplicated), each checked against
// allowed. `what` names the filter in error messages.
Result<Unit> add_alternatives(std::string_view what, std::string_view value,
                              std::span<const std::string_view> allowed,
                              std::vector<std::string>& out) {
  std::size_t start = 0;
  while (true) {
    const auto comma = value.find(',', start);
    const auto item =
        value.substr(start, comma == std::string_view::npos ? value.npos : comma - start);
    if (item.empty())
      return bad_query(std::string(what) + ": empty value in a comma-separated list");
    std::string lowered = to_lower_ascii(item);
    if (std::find(allowed.begin(), allowed.end(), lowered) == allowed.end()) {
      std::string expected;
      for (const auto name : allowed) {
        if (!expected.empty()) expected += ", ";
        expected += name;
      }
      return bad_query("There is no " + std::string(what) + " " + echo(item) + "; use one of " +
                       expected + ".");
    }
    if (std::find(out.begin(), out.end(), lowered) == out.end()) out.push_back(std::move(lowered));
    if (comma == std::string_view::npos) return Unit{};
    start = comma + 1;
  }
}

Result<Unit> set_once(std::string_view key, std::string value, std::optional<std::string>& slot) {
  if (slot) return bad_query(std::string(key) + ": may be given only once");
  slot = std::move(value);
  return Unit{};
}

enum class Filter {
  status,
  priority,
  assignee,
  team,
  service,
  requester,
  org,
  category,
  tag,
  field
};

std::optional<Filter> filter_for_key(std::string_view key) {
  constexpr std::array<std::pair<std::string_view, Filter>, 10> kKeys = {{
      {"status", Filter::status},
      {"priority", Filter::priority},
      {"assignee", Filter::assignee},
      {"team", Filter::team},
      {"service", Filter::service},
      {"requester", Filter::requester},
      {"org", Filter::org},
      {"category", Filter::category},
      {"tag", Filter::tag},
      {"field", Filter::field},
  }};
  for (const auto& [name, filter] : kKeys) {
    if (iequals(key, name)) return filter;
  }
  return std::nullopt;
}

enum class DateOp { after, at_or_after, before, at_or_before };

// Recognises the "created>", "created>=", "created<", "created<=" prefix of a term.
std::optional<std::pair<DateOp, std::size_t>> date_op_for_term(std::string_view term) {
  constexpr std::string_view kCreated = "created";
  if (term.size() <= kCreated.size() || !iequals(term.substr(0, kCreated.size()), kCreated)) {
    return std::nullopt;
  }
  const auto op = term.substr(kCreated.size());
  const bool eq = op.size() >= 2 && op[1] == '=';
  const std::size_t len = kCreated.size() + (eq ? 2 : 1);
  if (op[0] == '>') return std::pair{eq ? DateOp::at_or_after : DateOp::after, len};
  if (op[0] == '<') return std::pair{eq ? DateOp::at_or_before : DateOp::before, len};
  return std::nullopt;
}

Result<Unit> apply_filter(Filter filter, std::string_view key, std::string_view value,
                          SearchQuery& q) {
  switch (filter) {
    case Filter::status:
      return add_alternatives("status", value, kStatuses, q.statuses);
    case Filter::priority:
      return add_alternatives("priority", value, kPriorities, q.priorities);
    case Filter::assignee: {
      std::string lowered = to_lower_ascii(value);
      if (lowered != "me" && lowered != "none" && !looks_like_email(lowered)) {
        return bad_query("assignee: expected me, none or an email address, got " + echo(value));
      }
      return set_once(key, std::move(lowered), q.assignee);
    }
    case Filter::requester:  // an email, or part of a name or email ("requester:ann")
      return set_once(key, to_lower_ascii(value), q.requester);
    case Filter::team:
      return set_once(key, std::string(value), q.team);
    case Filter::service:
      return set_once(key, std::string(value), q.service);
    case Filter::org:
      return set_once(key, std::string(value), q.organization);
    case Filter::category:
      return set_once(key, std::string(value), q.category);
    case Filter::tag: {
      std::string lowered = to_lower_ascii(value);
      if (std::find(q.tags.begin(), q.tags.end(), lowered) == q.tags.end()) {
        q.tags.push_back(std::move(lowered));
      }
      return Unit{};
    }
    case Filter::field: {  // field:serial=ABC123 (an intake answer)
      const auto eq = value.find('=');
      const auto name =
          eq == std::string_view::npos ? std::string_view{} : trim(value.substr(0, eq));
      const auto answer =
          eq == std::string_view::npos ? std::string_view{} : trim(value.substr(eq + 1));
      if (name.empty() || answer.empty()) {
        return bad_query("field: expected KEY=VALUE (e.g. field:serial=ABC123), got " +
                         echo(value));
      }
      q.fields.emplace_back(to_lower_ascii(name), std::string(answer));
      return Unit{};
    }
  }
  return Unit{};
}

Result<Unit> apply_date(DateOp op, std::string_view key, std::string_view value, SearchQuery& q) {
  const auto date = parse_civil_date(value);
  if (!date) {
    return bad_query(std::string(key) + ": expected a real date as YYYY-MM-DD, got " + echo(value));
  }
  const std::int64_t day = day_from_civil(*date);
  // Both bounds are stored half-open on day starts: after is inclusive, before is exclusive.
  switch (op) {
    case DateOp::after:
    case DateOp::at_or_after: {
      const std::int64_t at = (day + (op == DateOp::after ? 1 : 0)) * kSecondsPerDay;
      q.created_after = q.created_after ? std::max(*q.created_after, at) : at;
      break;
    }
    case DateOp::before:
    case DateOp::at_or_before: {
      const std::int64_t at = (day + (op == DateOp::at_or_before ? 1 : 0)) * kSecondsPerDay;
      q.created_before = q.created_before ? std::min(*q.created_before, at) : at;
      break;
    }
  }
  return Unit{};
}

void add_phrase(std::string_view text, TextQuery& out) {
  if (!has_searchable_char(text)) return;
  out.terms.push_back(TextTerm{TextTerm::Kind::phrase, to_lower_ascii(text)});
}

// A bare word; trailing stars make it a prefix of what precedes them.
void add_word(std::string_view text, TextQuery& out) {
  if (!has_searchable_char(text)) return;  // stars are not searchable: a stem remains
  auto kind = TextTerm::Kind::word;
  if (text.back() == '*') {
    kind = TextTerm::Kind::prefix;
    while (text.back() == '*') text.remove_suffix(1);
  }
  out.terms.push_back(TextTerm{kind, to_lower_ascii(text)});
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  Result<SearchQuery> run() {
    while (true) {
      while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
      if (pos_ >= text_.size()) return std::move(query_);
      auto step = next_term();
      if (!step) return step.take_error();
    }
  }

 private:
  Result<Unit> next_term() {
    if (text_[pos_] == '"') {
      auto phrase = quoted();
      if (!phrase) return phrase.take_error();
      add_phrase(*phrase, query_.text);
      return Unit{};
    }
    const std::string_view term = bare();
    if (const auto date_op = date_op_for_term(term)) {
      const std::string_view key = term.substr(0, date_op->second);
      auto value = filter_value(key, term.substr(date_op->second));
      if (!value) return value.take_error();
      return apply_date(date_op->first, to_lower_ascii(key), *value, query_);
    }
    if (const auto colon = term.find(':'); colon != std::string_view::npos) {
      const std::string_view key = term.substr(0, colon);
      if (const auto filter = filter_for_key(key)) {
        auto value = filter_value(key, term.substr(colon + 1));
        if (!value) return value.take_error();
        return apply_filter(*filter, to_lower_ascii(key), *value, query_);
      }
    }
    add_word(term, query_.text);
    return Unit{};
  }

  // A run of characters up to whitespace or a '"'.
  std::string_view bare() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && !is_space(text_[pos_]) && text_[pos_] != '"') ++pos_;
    return text_.substr(start, pos_ - start);
  }

  // The text between the '"' at pos_ and the next unescaped '"'; inside, \" is a quote and \\ a
  // backslash (a category may be named with a quote in it).
  Result<std::string> quoted() {
    const std::size_t open = pos_;
    std::string out;
    for (std::size_t i = pos_ + 1; i < text_.size(); ++i) {
      const char c = text_[i];
      if (c == '"') {
        pos_ = i + 1;
        return out;
      }
      if (c == '\\' && i + 1 < text_.size() && (text_[i + 1] == '"' || text_[i + 1] == '\\')) {
        out += text_[++i];
        continue;
      }
      out += c;
    }
    return bad_query("unterminated quote starting at byte " + std::to_string(open));
  }

  // The value after "key:" or "created<op>": the rest of the bare term, or a quoted string
  // that follows immediately. Blank values are rejected.
  Result<std::string> filter_value(std::string_view key, std::string_view rest) {
    std::string value(rest);
    if (rest.empty() && pos_ < text_.size() && text_[pos_] == '"') {
      auto q = quoted();
      if (!q) return q.take_error();
      value = std::move(*q);
    }
    std::string_view trimmed = value;
    while (!trimmed.empty() && is_space(trimmed.front())) trimmed.remove_prefix(1);
    while (!trimmed.empty() && is_space(trimmed.back())) trimmed.remove_suffix(1);
    if (trimmed.empty()) return bad_query(to_lower_ascii(key) + ": empty value");
    return std::string(trimmed);
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  SearchQuery query_;
};

}  // namespace

Result<SearchQuery> parse_search_query(std::string_view text) {
  if (text.size() > kMaxSearchQueryBytes) {
    return bad_query("search text is longer than " + std::to_string(kMaxSearchQueryBytes) +
                     " bytes");
  }
  if (!is_valid_utf8(text)) return bad_query("search text is not valid UTF-8");
  // Control characters become spaces, so none of them reach a word, phrase or filter value.
  std::string normalized(text);
  std::replace_if(normalized.begin(), normalized.end(), is_control, ' ');
  return Scanner(normalized).run();
}

}  // namespace frontline::core
