#include "domain/suppression.hpp"

#include <map>

namespace koers {
namespace {

// Lines (rows or columns) by key, as indices into the cells.
std::map<std::string, std::vector<size_t>> Lines(const std::vector<TableCell>& cells, bool rows) {
  std::map<std::string, std::vector<size_t>> out;
  for (size_t i = 0; i < cells.size(); ++i) out[rows ? cells[i].rij : cells[i].kolom].push_back(i);
  return out;
}

// One pass over the lines with a published total; returns whether a cell
// was added.
bool Protect(std::vector<TableCell>* cells, bool rows, std::set<std::string>* hidden_totals) {
  bool changed = false;
  for (const auto& [key, idx] : Lines(*cells, rows)) {
    size_t hidden = 0;
    for (size_t i : idx) hidden += (*cells)[i].Hidden();
    if (hidden != 1) continue;
    // Hide the visible cell with the fewest people (then the smallest value,
    // then the first) so the total no longer gives the hidden one away.
    std::optional<size_t> pick;
    for (size_t i : idx) {
      const TableCell& c = (*cells)[i];
      if (c.Hidden()) continue;
      if (!pick) {
        pick = i;
        continue;
      }
      const TableCell& p = (*cells)[*pick];
      int64_t ca = c.aantal.value_or(INT64_MAX), pa = p.aantal.value_or(INT64_MAX);
      if (ca < pa || (ca == pa && c.waarde < p.waarde)) pick = i;
    }
    if (pick) {
      (*cells)[*pick].secundair = true;
      changed = true;
    } else {
      hidden_totals->insert(key);  // a line of one cell: its total is the cell
    }
  }
  return changed;
}

}  // namespace

Suppression Suppress(std::vector<TableCell>* cells, int drempel, bool rij_totalen, bool kolom_totalen) {
  for (auto& c : *cells) {
    c.primair = c.aantal && *c.aantal < drempel;
    c.secundair = false;
  }
  Suppression s;
  // Adding a cell to a row can leave its column with a single hidden cell
  // and so on: repeat until nothing changes. Each pass hides at least one
  // more cell, so this ends.
  bool changed = true;
  while (changed) {
    changed = false;
    if (rij_totalen) changed = Protect(cells, true, &s.verborgen_rijtotalen) || changed;
    if (kolom_totalen) changed = Protect(cells, false, &s.verborgen_kolomtotalen) || changed;
  }
  return s;
}

}  // namespace koers
