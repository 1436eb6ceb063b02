#include "domain/indicator.hpp"

#include <gtest/gtest.h>

namespace koers {
namespace {

TEST(AreaCode, DigitsOrCapitalsAfterTheMunicipality) {
  EXPECT_TRUE(IsAreaCode("GM", "GM0344"));
  EXPECT_TRUE(IsAreaCode("WK", "WK034401"));
  EXPECT_TRUE(IsAreaCode("WK", "WK0363AA"));  // Amsterdam
  EXPECT_TRUE(IsAreaCode("BU", "BU0363AD03"));
  for (const char* bad : {"GM344", "GM03440", "gm0344", "WK03AA01", "WK0363a1", "BU0344010", "WK034401 ", "XX034401"})
    EXPECT_FALSE(IsAreaCode(bad[0] == 'G' || bad[0] == 'g' ? "GM" : bad[0] == 'B' ? "BU" : "WK", bad)) << bad;
}

}  // namespace
}  // namespace koers
