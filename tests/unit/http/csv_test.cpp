// Focus of this file: CSV cells never run as a spreadsheet formula and round-trip RFC 4180.
#include "http/csv.hpp"

#include <gtest/gtest.h>

namespace frontline::http {
namespace {

TEST(CsvField, PrefixesEveryFormulaStarterIncludingTabAndCarriageReturn) {
  EXPECT_EQ(csv_field("=1+1"), "'=1+1");
  EXPECT_EQ(csv_field("+1"), "'+1");
  EXPECT_EQ(csv_field("-1"), "'-1");
  EXPECT_EQ(csv_field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_field("\t=cmd|' /C calc'!A0"), "'\t=cmd|' /C calc'!A0");
  EXPECT_EQ(csv_field("\r=1"), "\"'\r=1\"");
}

TEST(CsvField, QuotesSeparatorsAndDoublesQuotes) {
  EXPECT_EQ(csv_field("Printers"), "Printers");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field(""), "");
}

}  // namespace
}  // namespace frontline::http
