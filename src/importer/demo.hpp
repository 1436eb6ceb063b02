// The demo data: the standard organisations, the reference cases of the
// report (formats/reference_cases.hpp) and CBS figures as measurements.
#pragma once

#include <string>

#include "core/status.hpp"

namespace koers {

class Learning;

class Indicators;
class Register;

struct DemoReport {
  int organisaties_toegevoegd = 0;
  int toegevoegd = 0;
  int gewijzigd = 0;
  int ongewijzigd = 0;
  int metingen = 0;  // CBS figures stored as measurements of demo indicators
  int lessen = 0;    // lessons of the reference cases added
};

// Loads the standard organisations, the reference cases and, from the CBS
// key figures of 2024, indicators per wijk for two of them (Woningbouwmonitor
// Eindhoven: housing stock; Rotterdam Groeit: inhabitants) and, with
// `learning`, the lessons of the reference cases. Idempotent.
Result<DemoReport> LoadDemo(Register& reg, Indicators& indicators, const std::string& data_dir,
                            Learning* learning = nullptr);

}  // namespace koers
