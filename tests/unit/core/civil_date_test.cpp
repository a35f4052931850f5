// Focus of this file: the one civil-date parser and its day arithmetic — which strings are real
// dates (exactly YYYY-MM-DD, leap years right), and that days and dates convert both ways.
#include "core/civil_date.hpp"

#include <gtest/gtest.h>

#include <string>

namespace frontline::core {
namespace {

TEST(CivilDate, ParsesARealDate) {
  EXPECT_EQ(parse_civil_date("2026-11-24"), (CivilDate{2026, 11, 24}));
  EXPECT_EQ(parse_civil_date("0001-01-01"), (CivilDate{1, 1, 1}));
  EXPECT_EQ(parse_civil_date("9999-12-31"), (CivilDate{9999, 12, 31}));
}

TEST(CivilDate, RejectsDaysPastTheEndOfTheMonth) {
  EXPECT_FALSE(parse_civil_date("2026-02-31"));
  EXPECT_FALSE(parse_civil_date("2026-02-30"));
  EXPECT_FALSE(parse_civil_date("2026-04-31"));
  EXPECT_FALSE(parse_civil_date("2026-13-01"));
  EXPECT_FALSE(parse_civil_date("2026-00-10"));
  EXPECT_FALSE(parse_civil_date("2026-01-00"));
  EXPECT_FALSE(parse_civil_date("2026-01-32"));
  EXPECT_TRUE(parse_civil_date("2026-01-31"));
  EXPECT_TRUE(parse_civil_date("2026-04-30"));
}

TEST(CivilDate, KnowsLeapYears) {
  EXPECT_EQ(parse_civil_date("2028-02-29"), (CivilDate{2028, 2, 29}));
  EXPECT_EQ(parse_civil_date("2000-02-29"), (CivilDate{2000, 2, 29}));
  EXPECT_FALSE(parse_civil_date("2026-02-29"));
  EXPECT_FALSE(parse_civil_date("1900-02-29"));
  EXPECT_FALSE(parse_civil_date("2100-02-29"));
  EXPECT_TRUE(is_leap_year(2028));
  EXPECT_FALSE(is_leap_year(2100));
  EXPECT_EQ(days_in_month(2028, 2), 29);
  EXPECT_EQ(days_in_month(2026, 2), 28);
}

TEST(CivilDate, RejectsAnythingButExactlyYyyyMmDd) {
  for (const char* text : {"",
                           "2026-1-24",
                           "2026-11-4",
                           "26-11-24",
                           "02026-11-24",
                           "2026-11-240",
                           "2026-11-24 ",
                           " 2026-11-24",
                           "2026-11-24T00:00:00Z",
                           "+026-11-24",
                           "-026-11-24",
                           "2026-+1-24",
                           "2026--1-24",
                           "2026-11--4",
                           "2026/11/24",
                           "2026_11_24",
                           "20261124xx",
                           "2026-1a-24",
                           "2026-11-2x",
                           "x026-11-24",
                           "0000-01-01",
                           "2026-\xd9\xa1-24"}) {
    EXPECT_FALSE(parse_civil_date(text)) << text;
  }
  EXPECT_FALSE(parse_civil_date(std::string("2026-11-2\0", 10)));
}

TEST(CivilDate, DayFromCivilMatchesKnownDates) {
  EXPECT_EQ(day_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(day_from_civil({1969, 12, 31}), -1);
  EXPECT_EQ(day_from_civil({2000, 3, 1}), 11017);
  EXPECT_EQ(day_from_civil({9999, 12, 31}), 2932896);
  EXPECT_EQ(day_from_civil({1, 1, 1}), -719162);
  EXPECT_EQ(iso_weekday(day_from_civil({2026, 11, 23})), 0);  // a Monday
  EXPECT_EQ(iso_weekday(day_from_civil({1969, 12, 28})), 6);  // a Sunday
}

// Every day from 0001-01-01 to 9999-12-31 converts back to itself, and the next day is the next
// date on the calendar — checked by counting, not by the conversion's own formula.
TEST(CivilDate, DaysAndDatesRoundTripOverTenThousandYears) {
  const Day first = day_from_civil({1, 1, 1});
  const Day last = day_from_civil({9999, 12, 31});
  CivilDate expected{1, 1, 1};
  for (Day d = first; d <= last; ++d) {
    const CivilDate got = civil_from_day(d);
    ASSERT_EQ(got, expected) << d;
    ASSERT_EQ(day_from_civil(got), d);
    if (++expected.day > days_in_month(expected.year, expected.month)) {
      expected.day = 1;
      if (++expected.month > 12) {
        expected.month = 1;
        ++expected.year;
      }
    }
  }
}

TEST(CivilDate, FormatsWhatItParses) {
  for (Day d = day_from_civil({1, 1, 1}); d <= day_from_civil({9999, 12, 31}); d += 97) {
    const std::string text = format_civil_date(civil_from_day(d));
    ASSERT_EQ(parse_civil_date(text), civil_from_day(d)) << text;
  }
  EXPECT_EQ(format_civil_date({7, 3, 4}), "0007-03-04");
  EXPECT_EQ(format_day(0), "1970-01-01");
}

TEST(CivilDate, ReportDaysStartIn1970) {
  EXPECT_EQ(parse_day("1970-01-01"), 0);
  EXPECT_EQ(parse_day("2026-11-24"), day_from_civil({2026, 11, 24}));
  EXPECT_FALSE(parse_day("1969-12-31"));
  EXPECT_FALSE(parse_day("2026-02-31"));
}

}  // namespace
}  // namespace frontline::core
