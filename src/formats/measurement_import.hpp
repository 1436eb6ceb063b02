// Measurements from an uploaded table (formats/table_reader.hpp): maps the
// header to periode / gebied / waarde / aantal, reads numbers as the file
// writes them (decimal comma in Dutch CSV) and checks every row against the
// indicator, naming the line of each problem.
#pragma once

#include <string>
#include <vector>

#include "domain/indicator.hpp"
#include "formats/table_reader.hpp"

namespace koers {

struct RowProblem {
  int regel = 0;  // line (CSV) or row (xlsx) in the file
  std::string veld;
  std::string melding;
};

struct ParsedMeasurements {
  std::vector<Measurement> metingen;  // the rows without problems, in file order
  std::vector<RowProblem> fouten;     // at most kMaxRowProblems
  int64_t aantal_fouten = 0;          // all problems, also those not listed
  int64_t regels = 0;                 // data rows read
  std::vector<std::string> genegeerde_kolommen;
};

inline constexpr size_t kMaxRowProblems = 200;

ParsedMeasurements ParseMeasurements(const TextTable& table, const Indicator& indicator, const AreaCodes* known);

// A number as written in a cell: "1.234,5" with a decimal comma, "1234.5"
// otherwise. False for anything else (units, text, two separators).
bool ParseNumber(const std::string& cell, bool decimal_comma, double* out);

}  // namespace koers
