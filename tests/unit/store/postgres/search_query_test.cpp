// Focus of this file: the PostgreSQL engine's search compiler — neutral TextQuery terms turned
// into tsquery text (ASCII punctuation split as frontline_search_text splits the documents, every
// word a quoted operand so nothing typed acts as tsquery syntax, phrases as <->, prefixes as :*),
// and the status facets.
#include "store/postgres/search_query.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/search_query.hpp"

namespace frontline::store::postgres {
namespace {

using core::TextQuery;
using core::TextTerm;

TextTerm word(std::string text) { return {TextTerm::Kind::word, std::move(text)}; }
TextTerm phrase(std::string text) { return {TextTerm::Kind::phrase, std::move(text)}; }
TextTerm prefix(std::string text) { return {TextTerm::Kind::prefix, std::move(text)}; }

// A phrase of these words within one column: one alternative per column weight.
std::string in_one_column(std::vector<std::string> words, bool prefix = false) {
  std::string out;
  for (const char weight : {'A', 'B', 'C', 'D'}) {
    if (weight != 'A') out += " | ";
    out += '(';
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (i) out += " <-> ";
      out += "'" + words[i] + "':" + (prefix && i + 1 == words.size() ? "*" : "") + weight;
    }
    out += ')';
  }
  return out;
}

// The terms of a search box text, compiled.
std::string compiled(std::string_view text) {
  auto parsed = core::parse_search_query(text);
  EXPECT_TRUE(parsed.ok()) << text;
  return parsed.ok() ? tsquery_text(parsed.value().text) : "";
}

// --- search_text --------------------------------------------------------------------------------

TEST(SearchText, AsciiPunctuationRunsBecomeOneSpaceLikeFrontlineSearchText) {
  EXPECT_EQ(search_text("john@example.com"), "john example com");
  EXPECT_EQ(search_text("error.log"), "error log");
  EXPECT_EQ(search_text("printer-jam"), "printer jam");
  EXPECT_EQ(search_text("C:\\path\\file.txt"), "C path file txt");
  EXPECT_EQ(search_text("a!/:@[`{~b"), "a b");
  EXPECT_EQ(search_text("say'hi\"there"), "say hi there");
}

TEST(SearchText, LettersDigitsSpacesAndNonAsciiAreKept) {
  EXPECT_EQ(search_text("Naïve straße 42"), "Naïve straße 42");
  EXPECT_EQ(search_text("«quoted» — dash"), "«quoted» — dash");
  EXPECT_EQ(search_text("日本語のチケット"), "日本語のチケット");
}

// --- tsquery_terms / tsquery_text
// -----------------------------------------------------------------

TEST(TsqueryText, EveryTermIsQuotedAndAndedInOrder) {
  const TextQuery q{{word("printer"), phrase("paper jam"), word("or"), word("not")}};
  EXPECT_EQ(tsquery_text(q),
            "('printer') & (" + in_one_column({"paper", "jam"}) + ") & ('or') & ('not')");
}

TEST(TsqueryText, TsqueryOperatorsTypedAsTextAreOnlyText) {
  // & | ! ( ) : * < > are ASCII punctuation: gone before quoting, as in the documents.
  const TextQuery q{{word("a&b"), word("!x"), word("(y|z)"), word("w:*"), word("<->")}};
  EXPECT_EQ(tsquery_text(q), "(" + in_one_column({"a", "b"}) + ") & ('x') & (" +
                                 in_one_column({"y", "z"}) + ") & ('w')");
}

TEST(TsqueryText, QuotesAndBackslashesNeverReachAnOperand) {
  const TextQuery q{{word("say'hi"), word("back\\slash"), phrase("a 'quoted' phrase")}};
  EXPECT_EQ(tsquery_text(q), "(" + in_one_column({"say", "hi"}) + ") & (" +
                                 in_one_column({"back", "slash"}) + ") & (" +
                                 in_one_column({"a", "quoted", "phrase"}) + ")");
}

TEST(TsqueryText, AWordThatSplitsMatchesItsPartsAsAPhraseInOneColumn) {
  const TextQuery q{{word("error.log"), word("ann@example.com")}};
  EXPECT_EQ(tsquery_text(q), "(" + in_one_column({"error", "log"}) + ") & (" +
                                 in_one_column({"ann", "example", "com"}) + ")");
}

TEST(TsqueryText, APrefixMarksItsLastWord) {
  const TextQuery q{{prefix("print"), prefix("error.lo"), prefix("ωm")}};
  EXPECT_EQ(tsquery_text(q),
            "('print':*) & (" + in_one_column({"error", "lo"}, true) + ") & ('ωm':*)");
}

TEST(TsqueryText, NonAsciiIsKeptForTheParserAndDictionaries) {
  const TextQuery q{{word("café"), phrase("«quoted» words")}};
  EXPECT_EQ(tsquery_text(q), "('café') & (" + in_one_column({"«quoted»", "words"}) + ")");
}

TEST(TsqueryText, TermsWithNothingButPunctuationAreSkipped) {
  const TextQuery q{{word("--"), word("x"), phrase("..."), prefix("@")}};
  EXPECT_EQ(tsquery_text(q), "('x')");
  EXPECT_EQ(tsquery_text(TextQuery{{word("-")}}), "");
  EXPECT_EQ(tsquery_text(TextQuery{}), "");
}

TEST(TsqueryTerms, KeepWordsAndPrefixForRanking) {
  const auto terms = tsquery_terms(TextQuery{{phrase("paper  jam"), prefix("prin")}});
  ASSERT_EQ(terms.size(), 2u);
  EXPECT_EQ(terms[0].words, (std::vector<std::string>{"paper", "jam"}));
  EXPECT_FALSE(terms[0].prefix);
  EXPECT_EQ(terms[0].tsquery,
            "('paper':A <-> 'jam':A) | ('paper':B <-> 'jam':B) | "
            "('paper':C <-> 'jam':C) | ('paper':D <-> 'jam':D)");
  EXPECT_EQ(terms[1].words, (std::vector<std::string>{"prin"}));
  EXPECT_TRUE(terms[1].prefix);
  EXPECT_EQ(terms[1].tsquery, "'prin':*");
}

TEST(TsqueryText, FromTheSearchLanguage) {
  EXPECT_EQ(compiled("printer \"paper jam\" status:open"),
            "('printer') & (" + in_one_column({"paper", "jam"}) + ")");
  EXPECT_EQ(compiled("Print*"), "('print':*)");
  EXPECT_EQ(compiled("status:open"), "");
}

// --- status_facet -------------------------------------------------------------------------------

TEST(StatusFacet, IsTheStatusWithoutUnderscoresAfterAPrefix) {
  EXPECT_EQ(status_facet(core::Status::open), "zzstatusopen");
  EXPECT_EQ(status_facet(core::Status::on_hold), "zzstatusonhold");
}

}  // namespace
}  // namespace frontline::store::postgres
