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
  EXPECT_EQ(tsquery_text(q), "('printer') & ('paper' <-> 'jam') & ('or') & ('not')");
}

TEST(TsqueryText, TsqueryOperatorsTypedAsTextAreOnlyText) {
  // & | ! ( ) : * < > are ASCII punctuation: gone before quoting, as in the documents.
  const TextQuery q{{word("a&b"), word("!x"), word("(y|z)"), word("w:*"), word("<->")}};
  EXPECT_EQ(tsquery_text(q), "('a' <-> 'b') & ('x') & ('y' <-> 'z') & ('w')");
}

TEST(TsqueryText, QuotesAndBackslashesNeverReachAnOperand) {
  const TextQuery q{{word("say'hi"), word("back\\slash"), phrase("a 'quoted' phrase")}};
  EXPECT_EQ(tsquery_text(q),
            "('say' <-> 'hi') & ('back' <-> 'slash') & ('a' <-> 'quoted' <-> 'phrase')");
}

TEST(TsqueryText, AWordThatSplitsMatchesItsPartsAsAPhrase) {
  const TextQuery q{{word("error.log"), word("ann@example.com")}};
  EXPECT_EQ(tsquery_text(q), "('error' <-> 'log') & ('ann' <-> 'example' <-> 'com')");
}

TEST(TsqueryText, APrefixMarksItsLastWord) {
  const TextQuery q{{prefix("print"), prefix("error.lo"), prefix("ωm")}};
  EXPECT_EQ(tsquery_text(q), "('print':*) & ('error' <-> 'lo':*) & ('ωm':*)");
}

TEST(TsqueryText, NonAsciiIsKeptForTheParserAndDictionaries) {
  const TextQuery q{{word("café"), phrase("«quoted» words")}};
  EXPECT_EQ(tsquery_text(q), "('café') & ('«quoted»' <-> 'words')");
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
  EXPECT_EQ(terms[0].tsquery, "'paper' <-> 'jam'");
  EXPECT_EQ(terms[1].words, (std::vector<std::string>{"prin"}));
  EXPECT_TRUE(terms[1].prefix);
  EXPECT_EQ(terms[1].tsquery, "'prin':*");
}

TEST(TsqueryText, FromTheSearchLanguage) {
  EXPECT_EQ(compiled("printer \"paper jam\" status:open"), "('printer') & ('paper' <-> 'jam')");
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
