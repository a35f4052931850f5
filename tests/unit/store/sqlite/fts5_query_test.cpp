// Focus of this file: the SQLite engine's search compiler — neutral TextQuery terms quoted as FTS5
// strings (so nothing typed in the search box acts as FTS5 syntax), prefixes, the columns each
// caller may search, and the status facets.
#include "store/sqlite/fts5_query.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/search_query.hpp"

namespace frontline::store::sqlite {
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
  return parsed.ok() ? fts5_terms(parsed.value().text) : "";
}

// --- fts5_terms ---------------------------------------------------------------------------------

TEST(Fts5Query, EveryTermIsQuotedAndJoinedWithAndInOrder) {
  const TextQuery q{{word("printer"), phrase("paper jam"), word("or"), word("not")}};
  EXPECT_EQ(fts5_terms(q), R"("printer" AND "paper jam" AND "or" AND "not")");
}

TEST(Fts5Query, EmbeddedQuotesAreDoubled) {
  const TextQuery q{{word(R"(say"hi)"), word(R"(")"), phrase(R"(a "quoted" phrase)")}};
  EXPECT_EQ(fts5_terms(q), R"("say""hi" AND """" AND "a ""quoted"" phrase")");
}

TEST(Fts5Query, PrefixTermEndsWithAStarOutsideTheQuotes) {
  const TextQuery q{{prefix("print"), prefix("setup"), word("jam")}};
  EXPECT_EQ(fts5_terms(q), R"("print"* AND "setup"* AND "jam")");
}

TEST(Fts5Query, StarInsideAWordOrPhraseStaysInsideTheQuotes) {
  EXPECT_EQ(compiled(R"(a*b "pre*")"), R"("a*b" AND "pre*")");
}

TEST(Fts5Query, TypedFts5SyntaxIsNeutralised) {
  EXPECT_EQ(compiled("NEAR(a b) col:x ^start -minus +plus {x y}"),
            R"fts("near(a" AND "b)" AND "col:x" AND "^start" AND "-minus" AND "+plus" AND )fts"
            R"fts("{x" AND "y}")fts");
}

TEST(Fts5Query, UnicodeTermsAreKept) {
  EXPECT_EQ(compiled("日本語 \"naïve café\" 🙂"),
            R"("日本語" AND "naïve café" AND "🙂")");
}

TEST(Fts5Query, UnknownKeysAreQuotedWords) {
  EXPECT_EQ(compiled("foo:bar Subject:Hello https://example.com"),
            R"("foo:bar" AND "subject:hello" AND "https://example.com")");
}

TEST(Fts5Query, FiltersAreNotPartOfTheTerms) {
  EXPECT_EQ(compiled(R"(refund status:open tag:vip "card declined")"),
            R"("refund" AND "card declined")");
  EXPECT_EQ(compiled("status:open tag:vip"), "");
}

TEST(Fts5Query, TermsThatWouldBeEmptyAreSkipped) {
  const TextQuery q{{prefix(""), word("ok"), phrase("")}};
  EXPECT_EQ(fts5_terms(q), R"("ok")");
  EXPECT_EQ(fts5_terms(TextQuery{}), "");
}

// --- fts5_ticket_match --------------------------------------------------------------------------

TEST(Fts5Query, CustomerMatchLeavesOutInternalNotes) {
  const TextQuery q{{word("fraud")}};
  EXPECT_EQ(fts5_ticket_match(q, false, {}), R"({subject public_text requester} : ("fraud"))");
}

TEST(Fts5Query, StaffMatchSearchesInternalNotesToo) {
  const TextQuery q{{word("fraud")}};
  EXPECT_EQ(fts5_ticket_match(q, true, {}),
            R"({subject public_text internal_text requester} : ("fraud"))");
}

TEST(Fts5Query, StatusesNarrowTheMatchByFacetTokens) {
  const TextQuery q{{prefix("scan"), phrase("is offline")}};
  const std::vector<core::Status> statuses = {core::Status::open, core::Status::on_hold};
  EXPECT_EQ(fts5_ticket_match(q, false, statuses),
            R"({subject public_text requester} : ("scan"* AND "is offline"))"
            R"( AND facets : (zzstatusopen OR zzstatusonhold))");
}

TEST(Fts5Query, NoMatchWithoutATermToSearchFor) {
  const std::vector<core::Status> statuses = {core::Status::open};
  EXPECT_EQ(fts5_ticket_match(TextQuery{}, true, statuses), std::nullopt);
  EXPECT_EQ(fts5_ticket_match(TextQuery{{phrase("")}}, false, {}), std::nullopt);
}

TEST(Fts5Query, StatusFacetDropsUnderscores) {
  EXPECT_EQ(status_facet(core::Status::new_), "zzstatusnew");
  EXPECT_EQ(status_facet(core::Status::on_hold), "zzstatusonhold");
}

}  // namespace
}  // namespace frontline::store::sqlite
