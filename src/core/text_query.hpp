// The text half of a ticket search, in no engine's syntax: the terms a matching ticket must all
// contain. core's search-language parser builds it; each store engine compiles it into its own
// query language. A plain value, safe to share once built.
#pragma once

#include <string>
#include <vector>

namespace frontline::core {

struct TextTerm {
  enum class Kind {
    word,    // one typed term with no spaces; text the engine's tokenizer splits in several
             // tokens ("foo:bar", "a*b") matches them as a phrase
    phrase,  // "quoted text": its tokens, adjacent and in order
    prefix,  // word*: the text's last token is matched as a prefix of a token
  };
  Kind kind = Kind::word;
  // Lower-cased ASCII, other bytes kept; never empty, and has a letter, digit or non-ASCII
  // character (terms without one are dropped). A prefix's text has no trailing '*'.
  std::string text;

  friend bool operator==(const TextTerm&, const TextTerm&) = default;
};

struct TextQuery {
  std::vector<TextTerm> terms;  // every one must match (AND), in the order typed

  bool empty() const { return terms.empty(); }
  friend bool operator==(const TextQuery&, const TextQuery&) = default;
};

}  // namespace frontline::core
