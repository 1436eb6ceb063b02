// The 18 reference cases of the report (data/demo/referentiecases.json):
// extra organisations plus innovations in the API's JSON form.
#pragma once

#include <string>
#include <vector>

#include "core/status.hpp"
#include "domain/innovation.hpp"
#include "domain/organisation.hpp"

namespace koers {

class Indicators;
class Register;

struct ReferenceCases {
  std::vector<Organisation> organisations;
  std::vector<Innovation> innovations;
};

// Parses and validates the file; any mistake fails the whole file with a
// message naming the item and field.
Result<ReferenceCases> ParseReferenceCases(const std::string& content, const std::string& file_name);

struct DemoReport {
  int organisaties_toegevoegd = 0;
  int toegevoegd = 0;
  int gewijzigd = 0;
  int ongewijzigd = 0;
  int metingen = 0;  // CBS figures stored as measurements of demo indicators
};

// Loads the standard organisations, the reference cases and, from the CBS
// key figures of 2024, indicators per wijk for two of them (Woningbouwmonitor
// Eindhoven: housing stock; Rotterdam Groeit: inhabitants). Idempotent.
Result<DemoReport> LoadDemo(Register& reg, Indicators& indicators, const std::string& data_dir);

}  // namespace koers
