#include "formats/measurement_import.hpp"

#include <gtest/gtest.h>

namespace koers {
namespace {

TEST(ParseNumber, DutchAndMachineNotation) {
  double v = 0;
  EXPECT_TRUE(ParseNumber("12,5", true, &v));
  EXPECT_DOUBLE_EQ(v, 12.5);
  EXPECT_TRUE(ParseNumber("1.234.567,25", true, &v));
  EXPECT_DOUBLE_EQ(v, 1234567.25);
  EXPECT_TRUE(ParseNumber("-7", true, &v));
  EXPECT_DOUBLE_EQ(v, -7);
  EXPECT_TRUE(ParseNumber("1\xc2\xa0" "000", true, &v));
  EXPECT_DOUBLE_EQ(v, 1000);
  EXPECT_TRUE(ParseNumber("1.5E3", false, &v));
  EXPECT_DOUBLE_EQ(v, 1500);
  for (const char* bad : {"12.5", "1,2,3", "12,5%", "veel", "", "1.23,4", ",", "--1"})
    EXPECT_FALSE(ParseNumber(bad, true, &v)) << bad;
  for (const char* bad : {"12,5", "1e999", "nan", "inf", "0x10", "."})
    EXPECT_FALSE(ParseNumber(bad, false, &v)) << bad;
}

TEST(ParseMeasurements, MapsHeadersAndNamesEveryBadRow) {
  TextTable t;
  t.decimale_komma = true;
  t.rows = {{"Jaar", "Gemeentecode", "Waarde", "Opmerking"},
            {"2024", "gm0344", "1,5", "x"},
            {"2024-Q5", "GM0344", "2", ""},
            {"2024", "GM0344", "3", ""}};
  t.regels = {1, 2, 3, 4};
  Indicator in;
  in.gebiedsniveau = "GM";
  in.gebied_jaar = 2024;
  auto p = ParseMeasurements(t, in, nullptr);
  EXPECT_EQ(p.genegeerde_kolommen, std::vector<std::string>{"Opmerking"});
  ASSERT_EQ(p.metingen.size(), 1u);
  EXPECT_EQ(p.metingen[0].gebied, "GM0344");
  EXPECT_DOUBLE_EQ(p.metingen[0].waarde, 1.5);
  ASSERT_EQ(p.fouten.size(), 2u);
  EXPECT_EQ(p.fouten[0].regel, 3);
  EXPECT_EQ(p.fouten[0].veld, "periode");
  EXPECT_EQ(p.fouten[1].regel, 4);
  EXPECT_NE(p.fouten[1].melding.find("regel 2"), std::string::npos);
}

TEST(ParseMeasurements, EveryRepeatNamesTheFirstLineOfThePair) {
  TextTable t;
  t.rows = {{"periode", "waarde"}, {"2024", "1"}, {"2025", "2"}, {"2024", "3"}, {"2024", "4"}};
  t.regels = {1, 2, 3, 4, 5};
  Indicator in;
  auto p = ParseMeasurements(t, in, nullptr);
  ASSERT_EQ(p.fouten.size(), 2u);
  EXPECT_EQ(p.fouten[0].regel, 4);
  EXPECT_EQ(p.fouten[1].regel, 5);
  EXPECT_NE(p.fouten[0].melding.find("regel 2"), std::string::npos);
  EXPECT_NE(p.fouten[1].melding.find("regel 2"), std::string::npos);
  EXPECT_EQ(p.metingen.size(), 2u);
}

TEST(ParseMeasurements, MissingColumnsAreNamed) {
  TextTable t;
  t.rows = {{"periode", "aantal"}, {"2024", "3"}};
  t.regels = {1, 2};
  Indicator in;
  in.gebiedsniveau = "WK";
  auto p = ParseMeasurements(t, in, nullptr);
  ASSERT_EQ(p.fouten.size(), 2u);
  EXPECT_EQ(p.fouten[0].veld, "waarde");
  EXPECT_EQ(p.fouten[1].veld, "gebied");
}

}  // namespace
}  // namespace koers
