#include "domain/suppression.hpp"

#include <gtest/gtest.h>

#include <map>

namespace koers {
namespace {

// A hand-made table: areas A-D in rows, periods in columns, counts given.
std::vector<TableCell> Table(const std::vector<std::tuple<std::string, std::string, double, int64_t>>& rows) {
  std::vector<TableCell> out;
  for (const auto& [rij, kolom, waarde, aantal] : rows) out.push_back({rij, kolom, waarde, aantal});
  return out;
}

std::string Flags(const std::vector<TableCell>& cells) {
  std::string s;
  for (const auto& c : cells) s += c.primair ? 'P' : '.';
  return s;
}

// What an outsider can work out: anything, once a published total covers a
// hidden cell (the total minus the visible cells bounds the hidden ones; a
// single hidden cell, or others worth 0, give it away exactly).
bool Disclosed(const std::vector<TableCell>& cells, const Suppression& s, bool rows, bool cols) {
  for (const auto& c : cells) {
    if (!c.Hidden()) continue;
    if (rows && !s.verborgen_rijtotalen.count(c.rij)) return true;
    if (cols && !s.verborgen_kolomtotalen.count(c.kolom)) return true;
  }
  return false;
}

TEST(Suppression, SmallCountsAreHiddenAndOthersShown) {
  auto cells = Table({{"A", "2024", 50, 50}, {"B", "2024", 4, 4}, {"C", "2024", 30, 30}});
  auto s = Suppress(&cells, 10, false, false);
  EXPECT_EQ(Flags(cells), ".P.");
  EXPECT_TRUE(s.verborgen_kolomtotalen.empty());
}

TEST(Suppression, ATotalOverAHiddenCellIsNotShown) {
  // Column total 84: with B hidden, B = 84 - 50 - 30.
  auto cells = Table({{"A", "2024", 50, 50}, {"B", "2024", 4, 4}, {"C", "2024", 30, 30}});
  auto s = Suppress(&cells, 10, false, true);
  EXPECT_EQ(Flags(cells), ".P.") << "the other cells stay visible";
  EXPECT_TRUE(s.verborgen_kolomtotalen.count("2024"));
  EXPECT_FALSE(Disclosed(cells, s, false, true));
}

// Regression: complementary suppression hid a cell worth 0 beside the small
// count, and published the total, which then was the small count's value.
TEST(Suppression, ACellWorthZeroBesideASmallCountDoesNotExposeIt) {
  auto cells = Table({{"GM0344", "2024", 987654.321, 3}, {"GM0363", "2024", 0, 20},
                      {"GM0344", "2025", 0, 20}, {"GM0363", "2025", 5, 25}});
  auto s = Suppress(&cells, 10, true, true);
  EXPECT_EQ(Flags(cells), "P...");
  EXPECT_TRUE(s.verborgen_rijtotalen.count("GM0344"));
  EXPECT_TRUE(s.verborgen_kolomtotalen.count("2024"));
  EXPECT_FALSE(s.verborgen_rijtotalen.count("GM0363")) << "a line without hidden cells keeps its total";
  EXPECT_FALSE(Disclosed(cells, s, true, true));
}

TEST(Suppression, CellsWithoutACountAreNotSuppressed) {
  auto cells = Table({{"A", "2024", 5, 5}, {"B", "2024", 7, 20}});
  cells.push_back({"C", "2024", 1.5, std::nullopt});
  Suppress(&cells, 10, false, false);
  EXPECT_EQ(Flags(cells), "P..");
}

TEST(Suppression, NoHiddenCellIsEverCoveredByATotalOnRandomTables) {
  unsigned seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) % 40; };
  for (int t = 0; t < 500; ++t) {
    std::vector<TableCell> cells;
    int rows = 1 + next() % 6, cols = 1 + next() % 5;
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c) {
        int64_t n = next();
        cells.push_back({std::string(1, char('A' + r)), std::to_string(2020 + c), double(n % 3 == 0 ? 0 : n), n});
      }
    auto s = Suppress(&cells, 10, t % 2 == 0, true);
    ASSERT_FALSE(Disclosed(cells, s, t % 2 == 0, true)) << "table " << t << ": " << Flags(cells);
    for (const auto& c : cells) ASSERT_EQ(c.primair, *c.aantal < 10);
  }
}

}  // namespace
}  // namespace koers
