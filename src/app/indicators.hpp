// Indicator use cases: indicators of an innovation, their measurements as a
// table (privacy-safe for outsiders), import of measurement files with a
// preview, and the figures behind the dashboards. Read like the innovation;
// changed by its team or stuurgroep (Steering::Editable). Raw values are
// shown only to people with a role in the owning or a partner organisation;
// everyone else gets the suppressed table (domain/suppression.hpp).
#pragma once

#include <map>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/register.hpp"
#include "app/steering.hpp"
#include "domain/indicator.hpp"
#include "formats/measurement_import.hpp"

namespace koers {

struct MeasurementCell {
  std::string periode;
  std::string gebied;
  std::optional<double> waarde;   // empty when suppressed
  std::optional<int64_t> aantal;  // empty when suppressed or unknown
  std::string onderdrukt;         // "" or "primair" (too few people)
};
struct MeasurementTotal {
  std::string sleutel;  // period or area
  std::optional<double> waarde;
  bool onderdrukt = false;
};
struct MeasurementTable {
  Indicator indicator;
  bool openbaar = false;  // the privacy-safe version
  std::vector<MeasurementCell> cellen;
  bool met_totalen = false;  // only for indicators whose values add up
  std::vector<MeasurementTotal> per_periode, per_gebied;
};

struct MeasurementImport {
  bool voorbeeld = true;
  ParsedMeasurements gelezen;
  ImportCounts telling;
};

class Indicators {
 public:
  // Borrows everything. Thread-safe.
  Indicators(Store& store, Register& reg, Steering& steering, const AreaCodes& codes)
      : store_(store), reg_(reg), steering_(steering), codes_(codes) {}

  // The innovation's indicators, and whether `actor` may change them.
  Result<std::pair<std::vector<Indicator>, bool>> List(int64_t innovation_id, const Actor& actor);
  Result<Indicator> Get(int64_t id, const Actor& actor);
  Result<Indicator> Create(int64_t innovation_id, Indicator in, const Actor& actor, std::vector<FieldProblem> earlier);
  Result<Indicator> Replace(int64_t id, Indicator in, int64_t expected_version, const Actor& actor,
                            std::vector<FieldProblem> earlier);
  Status Delete(int64_t id, const Actor& actor);

  // The measurements as `actor` may see them. The last few tables made are
  // kept until their indicator changes (its version moves with every import).
  Result<std::shared_ptr<const MeasurementTable>> Table(int64_t id, const Actor& actor);
  // Reads `bytes` (CSV or xlsx) and, unless `dry_run`, stores the rows in
  // one transaction. A file with any bad row is refused whole (kInvalid
  // naming the rows) when not a dry run; the preview lists the problems.
  Result<MeasurementImport> Import(int64_t id, std::string_view bytes, bool dry_run, const Actor& actor);
  // Stores measurements read elsewhere (the demo's CBS figures), as Import
  // stores a file's rows: one unit of work, audited.
  Result<ImportCounts> AddMeasurements(int64_t id, const std::vector<Measurement>& rows, const Actor& actor);

  // Full values only for people inside the owning or a partner organisation.
  static bool SeesRawValues(const AccessFacts& facts, const Actor& actor);

 private:
  // The indicator and its innovation's header, when `actor` may read it.
  Result<std::pair<Indicator, InnovationHeader>> Readable(int64_t id, const Actor& actor);
  Result<Indicator> Editable(int64_t id, const Actor& actor);
  Result<ImportCounts> Record(const Indicator& indicator, const std::vector<Measurement>& rows, bool dry_run,
                              const Actor& actor);
  Store& store_;
  Register& reg_;
  struct KeptTable {
    int64_t id = 0, versie = 0;
    bool openbaar = false;
    std::shared_ptr<const MeasurementTable> table;
  };
  std::mutex tables_mutex_;
  std::deque<KeptTable> tables_;  // the most recently made first
  Steering& steering_;
  const AreaCodes& codes_;
};

}  // namespace koers
