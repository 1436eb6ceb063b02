#include "domain/suppression.hpp"

namespace koers {

Suppression Suppress(std::vector<TableCell>* cells, int drempel, bool rij_totalen, bool kolom_totalen) {
  Suppression s;
  for (auto& c : *cells) {
    c.primair = c.aantal && *c.aantal < drempel;
    if (!c.primair) continue;
    if (rij_totalen) s.verborgen_rijtotalen.insert(c.rij);
    if (kolom_totalen) s.verborgen_kolomtotalen.insert(c.kolom);
  }
  return s;
}

}  // namespace koers
