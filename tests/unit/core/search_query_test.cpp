// Focus of this file: parse_search_query's terms (the engine-neutral TextQuery: words, phrases,
// prefixes), filters and errors. Compiling the terms for an engine is tested with the engine
// (tests/unit/store/sqlite/fts5_query_test.cpp).
#include "core/search_query.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace frontline::core {

// Failure messages show terms as word:"x", phrase:"x y", prefix:"x".
void PrintTo(const TextTerm& term, std::ostream* os) {
  const char* kind = term.kind == TextTerm::Kind::word     ? "word"
                     : term.kind == TextTerm::Kind::phrase ? "phrase"
                                                           : "prefix";
  *os << kind << ":\"" << term.text << '"';
}

namespace {

using Strings = std::vector<std::string>;
using Terms = std::vector<TextTerm>;

TextTerm word(std::string text) { return {TextTerm::Kind::word, std::move(text)}; }
TextTerm phrase(std::string text) { return {TextTerm::Kind::phrase, std::move(text)}; }
TextTerm prefix(std::string text) { return {TextTerm::Kind::prefix, std::move(text)}; }

SearchQuery parse_ok(std::string_view text) {
  auto result = parse_search_query(text);
  EXPECT_TRUE(result.ok()) << "input: " << text
                           << " error: " << (result.ok() ? "" : result.error().message);
  return result.ok() ? std::move(result).value() : SearchQuery{};
}

// Expects bad_input with a FieldError on "q"; returns the message for content checks.
std::string parse_error(std::string_view text) {
  auto result = parse_search_query(text);
  EXPECT_FALSE(result.ok()) << "input: " << text;
  if (result.ok()) return "";
  const Error& error = result.error();
  EXPECT_EQ(error.code, Errc::bad_input);
  EXPECT_EQ(error.fields.size(), 1u);
  if (!error.fields.empty()) {
    EXPECT_EQ(error.fields[0].field, "q");
    EXPECT_EQ(error.fields[0].message, error.message);
  }
  return error.message;
}

constexpr std::int64_t kDay = 86400;

// --- Words and phrases --------------------------------------------------------------------------

TEST(SearchQuery, EmptyTextParsesToEmptyQuery) {
  const auto q = parse_ok("   ");
  EXPECT_TRUE(q.text.empty());
  EXPECT_TRUE(q.statuses.empty());
  EXPECT_FALSE(q.assignee.has_value());
}

TEST(SearchQuery, BareWordsAreLowerCasedInOrder) {
  const auto q = parse_ok("  Printer  IS\tBroken\n");
  EXPECT_EQ(q.text.terms, (Terms{word("printer"), word("is"), word("broken")}));
  EXPECT_FALSE(q.text.empty());
}

TEST(SearchQuery, QuotedPhraseKeepsInnerSpacesAndIsLowerCased) {
  const auto q = parse_ok(R"(vpn "Cannot Connect" now)");
  EXPECT_EQ(q.text.terms, (Terms{word("vpn"), phrase("cannot connect"), word("now")}));
}

TEST(SearchQuery, QuoteInsideAWordStartsAPhrase) {
  const auto q = parse_ok(R"(foo"bar baz"qux)");
  EXPECT_EQ(q.text.terms, (Terms{word("foo"), phrase("bar baz"), word("qux")}));
}

TEST(SearchQuery, EmptyAndPunctuationOnlyTermsAreDropped) {
  const auto q = parse_ok(R"(- "" "  " * ... "!?" ok)");
  EXPECT_EQ(q.text.terms, (Terms{word("ok")}));
}

TEST(SearchQuery, OnlyAsciiLettersAreLowerCased) {
  const auto q = parse_ok("ÉCOLE Straße ΑΒΓ");
  EXPECT_EQ(q.text.terms, (Terms{word("École"), word("straße"), word("ΑΒΓ")}));
}

TEST(SearchQuery, UnicodeWordsAndPhrasesAreKept) {
  const auto q = parse_ok("日本語 \"naïve café\" 🙂");
  EXPECT_EQ(q.text.terms, (Terms{word("日本語"), phrase("naïve café"), word("🙂")}));
}

TEST(SearchQuery, ControlCharactersSeparateTerms) {
  const auto q =
      parse_ok(std::string_view("a\x01"
                                "b\x7f"
                                "\"c\x02"
                                "d\"",
                                9));
  EXPECT_EQ(q.text.terms, (Terms{word("a"), word("b"), phrase("c d")}));
}

TEST(SearchQuery, NulByteIsASeparatorNotATerminator) {
  const auto q = parse_ok(std::string_view("one\0two", 7));
  EXPECT_EQ(q.text.terms, (Terms{word("one"), word("two")}));
}

TEST(SearchQuery, UnknownKeyIsTreatedAsABareWord) {
  const auto q = parse_ok("foo:bar Subject:Hello https://example.com");
  EXPECT_EQ(q.text.terms,
            (Terms{word("foo:bar"), word("subject:hello"), word("https://example.com")}));
}

TEST(SearchQuery, UnknownKeyWithQuotedValueIsAWordAndAPhrase) {
  const auto q = parse_ok(R"(foo:"bar baz")");
  EXPECT_EQ(q.text.terms, (Terms{word("foo:"), phrase("bar baz")}));
}

// --- prefixes and engine syntax -----------------------------------------------------------------

TEST(SearchQuery, TrailingStarMakesAWordAPrefix) {
  const auto q = parse_ok("print* Setup** jam");
  EXPECT_EQ(q.text.terms, (Terms{prefix("print"), prefix("setup"), word("jam")}));
}

TEST(SearchQuery, StarInsideAWordOrPhraseIsNotAPrefix) {
  const auto q = parse_ok(R"(a*b "pre*" *lead)");
  EXPECT_EQ(q.text.terms, (Terms{word("a*b"), phrase("pre*"), word("*lead")}));
}

TEST(SearchQuery, SearchEngineOperatorsAreOrdinaryWords) {
  const auto q = parse_ok(R"(printer "paper jam" OR NOT NEAR(a b) col:x ^start -minus +plus)");
  EXPECT_EQ(q.text.terms,
            (Terms{word("printer"), phrase("paper jam"), word("or"), word("not"), word("near(a"),
                   word("b)"), word("col:x"), word("^start"), word("-minus"), word("+plus")}));
}

TEST(SearchQuery, FilterOnlyQueryHasNoText) {
  const auto q = parse_ok("status:open tag:vip");
  EXPECT_TRUE(q.text.empty());
}

// --- status and priority ------------------------------------------------------------------------

TEST(SearchQuery, StatusFilterAcceptsEveryKnownStatus) {
  const auto q = parse_ok(
      "status:new status:open status:pending status:on_hold "
      "status:resolved status:closed");
  EXPECT_EQ(q.statuses, (Strings{"new", "open", "pending", "on_hold", "resolved", "closed"}));
  EXPECT_TRUE(q.text.empty());
}

TEST(SearchQuery, StatusFilterAcceptsCommaSeparatedAlternatives) {
  const auto q = parse_ok("status:open,pending");
  EXPECT_EQ(q.statuses, (Strings{"open", "pending"}));
}

TEST(SearchQuery, StatusFilterIsRepeatableAndDeduplicated) {
  const auto q = parse_ok("status:open status:pending,open");
  EXPECT_EQ(q.statuses, (Strings{"open", "pending"}));
}

TEST(SearchQuery, FilterKeysAndEnumValuesAreCaseInsensitive) {
  const auto q = parse_ok("STATUS:Open Priority:HIGH");
  EXPECT_EQ(q.statuses, (Strings{"open"}));
  EXPECT_EQ(q.priorities, (Strings{"high"}));
}

TEST(SearchQuery, UnknownStatusIsRejectedNamingTheValue) {
  const auto message = parse_error("status:opne");
  EXPECT_NE(message.find("status"), std::string::npos) << message;
  EXPECT_NE(message.find("opne"), std::string::npos) << message;
}

TEST(SearchQuery, EmptyItemInStatusListIsRejected) {
  parse_error("status:open,");
  parse_error("status:,open");
  parse_error("status:open,,pending");
}

TEST(SearchQuery, PriorityFilterAcceptsKnownValuesAndAlternatives) {
  const auto q = parse_ok("priority:low,normal priority:high priority:urgent");
  EXPECT_EQ(q.priorities, (Strings{"low", "normal", "high", "urgent"}));
}

TEST(SearchQuery, UnknownPriorityIsRejected) {
  const auto message = parse_error("priority:critical");
  EXPECT_NE(message.find("priority"), std::string::npos) << message;
  EXPECT_NE(message.find("critical"), std::string::npos) << message;
}

// --- single-valued filters ----------------------------------------------------------------------

TEST(SearchQuery, AssigneeAcceptsMeNoneOrEmail) {
  EXPECT_EQ(parse_ok("assignee:me").assignee, "me");
  EXPECT_EQ(parse_ok("assignee:NONE").assignee, "none");
  EXPECT_EQ(parse_ok("Assignee:Ann@Example.com").assignee, "ann@example.com");
}

TEST(SearchQuery, AssigneeThatIsNotMeNoneOrEmailIsRejected) {
  const auto message = parse_error("assignee:bob");
  EXPECT_NE(message.find("assignee"), std::string::npos) << message;
  parse_error("assignee:@example.com");
  parse_error("assignee:bob@");
  parse_error("assignee:a@b@c");
}

TEST(SearchQuery, TeamKeepsItsCaseAndMayBeQuoted) {
  EXPECT_EQ(parse_ok("team:Billing").team, "Billing");
  const auto q = parse_ok(R"(team:"Help Desk" printer)");
  EXPECT_EQ(q.team, "Help Desk");
  EXPECT_EQ(q.text.terms, (Terms{word("printer")}));
}

TEST(SearchQuery, QuotedFilterValueIsTrimmed) {
  EXPECT_EQ(parse_ok(R"(team:"  Help Desk  ")").team, "Help Desk");
}

TEST(SearchQuery, RequesterTakesALowerCasedEmail) {
  EXPECT_EQ(parse_ok("requester:Carol@Example.org").requester, "carol@example.org");
  EXPECT_EQ(parse_ok("requester:Carol").requester, "carol");  // part of a name or address
}

TEST(SearchQuery, OrgFilterSetsOrganizationAndMayBeQuoted) {
  EXPECT_EQ(parse_ok("org:Acme").organization, "Acme");
  EXPECT_EQ(parse_ok(R"(ORG:"Acme Corp")").organization, "Acme Corp");
}

TEST(SearchQuery, CategoryFilterSetsCategoryNotAWordAndMayBeQuoted) {
  const auto q = parse_ok("category:Hardware");
  EXPECT_EQ(q.category, "Hardware");
  EXPECT_TRUE(q.text.empty());
  EXPECT_EQ(parse_ok(R"(category:"Access rights")").category, "Access rights");
  parse_error("category:a category:b");
}

TEST(SearchQuery, ABackslashEscapesAQuoteOrABackslashInsideQuotes) {
  EXPECT_EQ(parse_ok(R"(category:"The \"big\" one")").category, R"(The "big" one)");
  EXPECT_EQ(parse_ok(R"(team:"back\\slash")").team, R"(back\slash)");
  EXPECT_EQ(parse_ok(R"(team:"C:\temp")").team, R"(C:\temp)");  // any other backslash stays
  const auto q = parse_ok(R"("say \"hi\"")");
  ASSERT_EQ(q.text.terms.size(), 1u);
  EXPECT_EQ(q.text.terms[0].text, R"(say "hi")");
  parse_error(R"(category:"ends in an escaped quote\")");
}

TEST(SearchQuery, SingleValuedFilterGivenTwiceIsRejected) {
  parse_error("assignee:me assignee:none");
  parse_error("team:a team:b");
  parse_error("requester:a@x.com requester:b@x.com");
  parse_error("org:a org:b");
}

TEST(SearchQuery, TagFilterIsRepeatableLowerCasedAndDeduplicated) {
  const auto q = parse_ok(R"(tag:VIP tag:refund tag:vip tag:"needs review")");
  EXPECT_EQ(q.tags, (Strings{"vip", "refund", "needs review"}));
}

TEST(SearchQuery, FilterValueMayContainColons) {
  EXPECT_EQ(parse_ok("tag:a:b").tags, (Strings{"a:b"}));
}

TEST(SearchQuery, EmptyFilterValueIsRejectedForEveryKey) {
  for (const char* text : {"status:", "priority:", "assignee:", "team:", "requester:", "org:",
                           "tag:", R"(team:"")", R"(org:"   ")", "created>", "created<="}) {
    const auto message = parse_error(text);
    EXPECT_NE(message.find("empty value"), std::string::npos) << text << ": " << message;
  }
}

TEST(SearchQuery, FiltersAndTextCombine) {
  const auto q =
      parse_ok(R"(refund status:open,pending priority:urgent assignee:me team:"Help Desk" )"
               R"(requester:a@b.co org:Acme tag:vip created>=2024-01-01 created<2024-02-01 )"
               R"("card declined")");
  EXPECT_EQ(q.text.terms, (Terms{word("refund"), phrase("card declined")}));
  EXPECT_EQ(q.statuses, (Strings{"open", "pending"}));
  EXPECT_EQ(q.priorities, (Strings{"urgent"}));
  EXPECT_EQ(q.assignee, "me");
  EXPECT_EQ(q.team, "Help Desk");
  EXPECT_EQ(q.requester, "a@b.co");
  EXPECT_EQ(q.organization, "Acme");
  EXPECT_EQ(q.tags, (Strings{"vip"}));
  EXPECT_EQ(q.created_after, 1704067200);
  EXPECT_EQ(q.created_before, 1706745600);
}

// --- created dates ------------------------------------------------------------------------------

TEST(SearchQuery, CreatedOnOrAfterIsTheStartOfThatDayUtc) {
  EXPECT_EQ(parse_ok("created>=1970-01-01").created_after, 0);
  EXPECT_EQ(parse_ok("created>=2024-03-15").created_after, 1710460800);
}

TEST(SearchQuery, CreatedAfterIsTheStartOfTheNextDay) {
  EXPECT_EQ(parse_ok("created>2024-03-15").created_after, 1710460800 + kDay);
  EXPECT_EQ(parse_ok("created>2023-12-31").created_after, 1704067200);  // 2024-01-01
}

TEST(SearchQuery, CreatedBeforeIsTheStartOfThatDay) {
  EXPECT_EQ(parse_ok("created<2024-03-15").created_before, 1710460800);
}

TEST(SearchQuery, CreatedOnOrBeforeIsTheStartOfTheNextDay) {
  EXPECT_EQ(parse_ok("created<=2024-03-15").created_before, 1710460800 + kDay);
}

TEST(SearchQuery, CreatedKeyIsCaseInsensitive) {
  EXPECT_EQ(parse_ok("Created>=2024-03-15").created_after, 1710460800);
}

TEST(SearchQuery, RepeatedCreatedBoundsKeepTheTightest) {
  const auto q = parse_ok(
      "created>=2024-01-01 created>=2024-03-15 created<2024-12-01 "
      "created<2024-06-01 created>=2023-01-01");
  EXPECT_EQ(q.created_after, 1710460800);
  EXPECT_EQ(q.created_before, 1717200000);
}

TEST(SearchQuery, LeapDayInLeapYearIsValid) {
  EXPECT_EQ(parse_ok("created>=2024-02-29").created_after, 1709164800);
  EXPECT_EQ(parse_ok("created<=2024-02-29").created_before, 1709251200);  // 2024-03-01
  EXPECT_TRUE(parse_search_query("created>=2000-02-29").ok());            // divisible by 400
}

TEST(SearchQuery, LeapDayInCommonYearIsRejected) {
  const auto message = parse_error("created>=2023-02-29");
  EXPECT_NE(message.find("created>="), std::string::npos) << message;
  EXPECT_NE(message.find("2023-02-29"), std::string::npos) << message;
  parse_error("created>=1900-02-29");  // divisible by 100 but not 400
}

TEST(SearchQuery, MalformedDatesAreRejected) {
  for (const char* text :
       {"created>2024-13-01", "created>2024-00-10", "created>2024-04-31", "created>2024-01-00",
        "created>2024-1-5", "created>24-01-05", "created>2024/01/05", "created>2024-01-05T00:00",
        "created>yesterday", "created>+024-01-05", "created>0000-01-01", "created>=2024-01-32",
        "created<2024-0a-01"}) {
    parse_error(text);
  }
}

TEST(SearchQuery, CreatedWithAnotherOperatorIsAWord) {
  const auto q = parse_ok("created:2024-01-01 created=2024-01-01 created");
  EXPECT_EQ(q.text.terms,
            (Terms{word("created:2024-01-01"), word("created=2024-01-01"), word("created")}));
  EXPECT_FALSE(q.created_after.has_value());
}

// --- input limits -------------------------------------------------------------------------------

TEST(SearchQuery, UnterminatedQuoteIsRejected) {
  const auto message = parse_error(R"(printer "paper jam)");
  EXPECT_NE(message.find("unterminated quote"), std::string::npos) << message;
  parse_error(R"(team:"Help Desk)");
  parse_error(R"(")");
}

TEST(SearchQuery, TextOfExactlyTheLimitIsAccepted) {
  const std::string text(kMaxSearchQueryBytes, 'a');
  EXPECT_EQ(parse_ok(text).text.terms.size(), 1u);
}

TEST(SearchQuery, TextOverTheLimitIsRejected) {
  const auto message = parse_error(std::string(kMaxSearchQueryBytes + 1, 'a'));
  EXPECT_NE(message.find("1000"), std::string::npos) << message;
}

TEST(SearchQuery, InvalidUtf8IsRejected) {
  for (const std::string& text : {
           std::string("\xff"),                  // never valid
           std::string("caf\xc3"),               // truncated sequence
           std::string("\xc0\xaf"),              // overlong '/'
           std::string("\xe0\x80\xaf"),          // overlong 3-byte
           std::string("\xed\xa0\x80"),          // UTF-16 surrogate
           std::string("\xf4\x90\x80\x80"),      // above U+10FFFF
           std::string("\x80 continuation"),     // stray continuation byte
           std::string("\"ok\" \xe2\x82 word"),  // truncated inside text
       }) {
    const auto message = parse_error(text);
    EXPECT_NE(message.find("UTF-8"), std::string::npos) << message;
  }
}

TEST(SearchQuery, ValidMultiByteUtf8BoundariesAreAccepted) {
  EXPECT_TRUE(parse_search_query("\xc2\x80 \xdf\xbf \xe0\xa0\x80 \xef\xbf\xbd \xf0\x90\x80\x80 "
                                 "\xf4\x8f\xbf\xbf")
                  .ok());
}

TEST(SearchQuery, LongBadValueIsShortenedInTheMessage) {
  const std::string value(200, 'x');
  const auto message = parse_error("status:" + value);
  EXPECT_LT(message.size(), 150u) << message;
}

}  // namespace
}  // namespace frontline::core
