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
  for (const auto& c : cells) s += c.primair ? 'P' : c.secundair ? 'S' : '.';
  return s;
}

// What an outsider can work out: a hidden cell is disclosed when it is the
// only hidden cell of a line whose total is published.
bool Disclosed(const std::vector<TableCell>& cells, const Suppression& s, bool rows, bool cols) {
  std::map<std::string, int> hidden_in_row, hidden_in_col;
  for (const auto& c : cells) {
    if (!c.Hidden()) continue;
    if (rows && !s.verborgen_rijtotalen.count(c.rij)) ++hidden_in_row[c.rij];
    if (cols && !s.verborgen_kolomtotalen.count(c.kolom)) ++hidden_in_col[c.kolom];
  }
  for (const auto& [k, n] : hidden_in_row)
    if (n == 1) return true;
  for (const auto& [k, n] : hidden_in_col)
    if (n == 1) return true;
  return false;
}

TEST(Suppression, SmallCountsAreHiddenAndOthersShown) {
  auto cells = Table({{"A", "2024", 50, 50}, {"B", "2024", 4, 4}, {"C", "2024", 30, 30}});
  auto s = Suppress(&cells, 10, false, false);
  EXPECT_EQ(Flags(cells), ".P.");
  EXPECT_TRUE(s.verborgen_kolomtotalen.empty());
}

TEST(Suppression, WithATotalASecondCellIsHiddenSoTheFirstCannotBeRecomputed) {
  // Column total 84: with only B hidden, B = 84 - 50 - 30.
  auto cells = Table({{"A", "2024", 50, 50}, {"B", "2024", 4, 4}, {"C", "2024", 30, 30}});
  auto s = Suppress(&cells, 10, false, true);
  EXPECT_EQ(Flags(cells), ".PS") << "the smallest other cell goes too";
  EXPECT_FALSE(Disclosed(cells, s, false, true));
}

TEST(Suppression, RowsAndColumnsTogetherSettle) {
  //        2023  2024
  //   A      40    60
  //   B       3    45
  //   C      25    12
  auto cells = Table({{"A", "2023", 40, 40}, {"A", "2024", 60, 60}, {"B", "2023", 3, 3},
                      {"B", "2024", 45, 45}, {"C", "2023", 25, 25}, {"C", "2024", 12, 12}});
  auto s = Suppress(&cells, 10, true, true);
  EXPECT_TRUE(cells[2].primair);
  EXPECT_FALSE(Disclosed(cells, s, true, true)) << Flags(cells);
  int hidden = 0;
  for (const auto& c : cells) hidden += c.Hidden();
  EXPECT_GE(hidden, 4) << "a 2x2 block is the least that protects one cell under both margins";
}

TEST(Suppression, ALineOfOneCellHidesItsTotal) {
  auto cells = Table({{"A", "2024", 5, 5}});
  auto s = Suppress(&cells, 10, false, true);
  EXPECT_EQ(Flags(cells), "P");
  EXPECT_TRUE(s.verborgen_kolomtotalen.count("2024"));
  EXPECT_FALSE(Disclosed(cells, s, false, true));
}

TEST(Suppression, CellsWithoutACountAreNotSuppressedPrimarily) {
  auto cells = Table({{"A", "2024", 5, 5}, {"B", "2024", 7, 20}});
  cells.push_back({"C", "2024", 1.5, std::nullopt});
  Suppress(&cells, 10, false, false);
  EXPECT_EQ(Flags(cells), "P..");
}

TEST(Suppression, NoHiddenCellIsEverRecoverableOnRandomTables) {
  unsigned seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) % 40; };
  for (int t = 0; t < 500; ++t) {
    std::vector<TableCell> cells;
    int rows = 1 + next() % 6, cols = 1 + next() % 5;
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c) {
        int64_t n = next();
        cells.push_back({std::string(1, char('A' + r)), std::to_string(2020 + c), double(n), n});
      }
    auto s = Suppress(&cells, 10, t % 2 == 0, true);
    ASSERT_FALSE(Disclosed(cells, s, t % 2 == 0, true)) << "table " << t << ": " << Flags(cells);
    for (const auto& c : cells)
      if (*c.aantal < 10) {
        ASSERT_TRUE(c.primair);
      }
  }
}

}  // namespace
}  // namespace koers
