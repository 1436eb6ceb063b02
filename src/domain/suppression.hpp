// Privacy-safe publication of a table of measurements (rows: areas,
// columns: periods). A cell whose count of people is below the indicator's
// threshold is suppressed. A row or column total is published only when
// every cell behind it is: no published figure is a sum that includes a
// suppressed value, so none can be worked out by subtracting (nor bounded by
// combining totals, as complementary suppression would still allow, and a
// hidden cell worth 0 would make trivial).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace koers {

struct TableCell {
  std::string rij;    // area code ("" without areas)
  std::string kolom;  // period
  double waarde = 0;
  std::optional<int64_t> aantal;
  bool primair = false;  // suppressed: too few people
  bool Hidden() const { return primair; }
};

struct Suppression {
  std::set<std::string> verborgen_rijtotalen;
  std::set<std::string> verborgen_kolomtotalen;
};

// Marks the cells of `cells`; `drempel` is the smallest count shown. Cells
// without a count are never suppressed (nothing is known about the people
// behind them). Lists the rows and columns whose totals must not be shown.
Suppression Suppress(std::vector<TableCell>* cells, int drempel, bool rij_totalen, bool kolom_totalen);

}  // namespace koers
