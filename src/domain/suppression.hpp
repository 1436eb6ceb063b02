// Privacy-safe publication of a table of measurements (rows: areas,
// columns: periods). A cell whose count of people is below the indicator's
// threshold is suppressed (primary). When totals are published, more cells
// are suppressed (secondary) so that no suppressed cell can be worked out by
// subtracting the visible cells from a total: every row or column with a
// total that holds a suppressed cell holds at least two, the extra ones
// being the cells with the fewest people. A total that would still give a
// suppressed cell away (a line of one cell) is suppressed itself.
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
  bool primair = false;
  bool secundair = false;
  bool Hidden() const { return primair || secundair; }
};

struct Suppression {
  std::set<std::string> verborgen_rijtotalen;
  std::set<std::string> verborgen_kolomtotalen;
};

// Marks the cells of `cells`; `drempel` is the smallest count shown. Cells
// without a count are never suppressed primarily (nothing is known about
// the people behind them).
Suppression Suppress(std::vector<TableCell>* cells, int drempel, bool rij_totalen, bool kolom_totalen);

}  // namespace koers
