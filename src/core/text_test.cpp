#include "core/text.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace koers {
namespace {

TEST(Utf8, AcceptsWellFormedAndRejectsBrokenSequences) {
  struct Case {
    std::string text;
    bool valid;
  };
  const Case cases[] = {
      {"", true},
      {"gewoon", true},
      {"Fryslân – “quotes” ‑ 😀", true},
      {"\xC3", false},              // truncated
      {"\xC0\xAF", false},          // overlong '/'
      {"\xED\xA0\x80", false},      // surrogate
      {"\xF4\x90\x80\x80", false},  // above U+10FFFF
      {"\xFF", false},
      {"a\x80" "b", false},
  };
  for (const auto& c : cases) EXPECT_EQ(IsValidUtf8(c.text), c.valid) << c.text;
}

TEST(Text, TrimRemovesAsciiSpaceAndNoBreakSpace) {
  EXPECT_EQ(Trim("  a b \t\n"), "a b");
  EXPECT_EQ(Trim("\xC2\xA0x\xC2\xA0"), "x");
  EXPECT_EQ(Trim("   "), "");
}

TEST(Text, Utf8LengthCountsCodePoints) { EXPECT_EQ(Utf8Length("één"), 3u); }

TEST(Text, ShortenUtf8CutsByCodePointAndEndsInAnEllipsis) {
  EXPECT_EQ(ShortenUtf8("kort", 4), "kort");
  EXPECT_EQ(ShortenUtf8("één twee", 5), "één…");  // the space before the cut is trimmed
  EXPECT_EQ(Utf8Length(ShortenUtf8("ééééééé", 3)), 3u);
}

TEST(Text, ControlCharactersAreFoundButNewlinesAreAllowed) {
  EXPECT_FALSE(HasControlChars("regel 1\nregel 2\ttab"));
  EXPECT_TRUE(HasControlChars(std::string("nul\0byte", 8)));
  EXPECT_TRUE(HasControlChars("bel\x07"));
}

TEST(Text, FoldAccentsLowersAndStripsDiacritics) {
  EXPECT_EQ(FoldAccents("Ministerie van Financiën"), "ministerie van financien");
  EXPECT_EQ(FoldAccents("Fryslân ÉÉN café"), "fryslan een cafe");
  EXPECT_EQ(FoldAccents("× ÷ – €"), "× ÷ – €");
}

TEST(Clock, IsoDatesMustExist) {
  EXPECT_TRUE(IsIsoDate("2024-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-02-29"));
  EXPECT_FALSE(IsIsoDate("2024-13-01"));
  EXPECT_FALSE(IsIsoDate("2024-1-01"));
  EXPECT_FALSE(IsIsoDate("2024-01-01x"));
}

// Found by algoritmeregister_fuzz: year 9999 overflowed the nanosecond clock.
TEST(Clock, FarYearsAreRejectedNotOverflowed) {
  TimePoint t;
  EXPECT_FALSE(IsIsoDate("9999-12-31"));
  EXPECT_FALSE(ParseTimestamp("9999-12-31", &t));
  EXPECT_FALSE(ParseTimestamp("0001-01-01T00:00:00Z", &t));
  EXPECT_TRUE(ParseTimestamp("2200-12-31T23:59:59Z", &t));
}

TEST(Clock, TimestampsRoundTrip) {
  TimePoint t;
  ASSERT_TRUE(ParseTimestamp("2026-11-22T10:15:30Z", &t));
  EXPECT_EQ(FormatTimestamp(t), "2026-11-22T10:15:30Z");
  ASSERT_TRUE(ParseTimestamp("2024-02-06", &t));
  EXPECT_EQ(FormatTimestamp(t), "2024-02-06T00:00:00Z");
  EXPECT_FALSE(ParseTimestamp("2026-11-22 10:15:30", &t));
}

TEST(Clock, AYearLaterKeepsTheDayOrTakesTheLastOfFebruary) {
  TimePoint t;
  ASSERT_TRUE(ParseTimestamp("2026-12-03T17:45:00Z", &t));
  EXPECT_EQ(DateYearsAfter(t, 1), "2027-12-03");
  ASSERT_TRUE(ParseTimestamp("2024-02-29", &t));
  EXPECT_EQ(DateYearsAfter(t, 1), "2025-02-28");
  EXPECT_EQ(DateYearsAfter(t, 4), "2028-02-29");
}

}  // namespace
}  // namespace koers
