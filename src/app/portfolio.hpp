// An organisation's portfolio at a glance and the innovations as a table:
// the use cases behind /api/v1/organisaties/{code}/dashboard and
// /api/v1/innovaties/_export. Both read in batches (a few queries whatever
// the number of innovations) and show only what the viewer may read, with
// measurements suppressed for outsiders.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/indicators.hpp"
#include "app/register.hpp"
#include "domain/steering.hpp"

namespace koers {

struct LatestValue {
  Indicator indicator;
  std::string innovatie_titel;
  std::string periode;           // the last period measured; empty without measurements
  std::optional<double> waarde;  // its value (or total over areas); none when suppressed or not summed
};

struct Dashboard {
  Organisation organisatie;
  std::map<std::string, int64_t> per_fase;
  std::vector<Innovation> portfolio;  // the organisation's own, without children
  BusinessCaseTotals waarde;          // summed over the portfolio
  bool iets_gerealiseerd = false;
  std::vector<LatestValue> indicatoren;
};

// One innovation of the export with the totals of its business case.
struct InnovationRow {
  Innovation innovatie;  // without children
  std::optional<double> baten_geschat_per_jaar;
  std::optional<double> baten_gerealiseerd_per_jaar;
};

// The innovations a viewer may read, page by page for an export: each
// Next() is one short read (a keyset page with the business cases of its
// rows), so a slow client holds no transaction, memory stays one page
// whatever the portfolio, and a client that goes away stops the work.
class InnovationPages {
 public:
  // The next rows; empty once all were read.
  Result<std::vector<InnovationRow>> Next();

 private:
  friend class Portfolio;
  InnovationPages(Store& store, InnovationFilter filter, int batch, double uurtarief)
      : store_(&store), filter_(std::move(filter)), batch_(batch), uurtarief_(uurtarief) {}
  Store* store_;
  InnovationFilter filter_;
  int batch_;
  double uurtarief_;
  ScanPosition after_;
  bool done_ = false;
};

class Portfolio {
 public:
  // Borrows everything. Thread-safe. `uurtarief`: euro per internal hour
  // for business cases that name no rate of their own.
  Portfolio(Store& store, Register& reg, Indicators& indicators, double uurtarief)
      : store_(store), reg_(reg), indicators_(indicators), uurtarief_(uurtarief) {}

  Result<Dashboard> DashboardOf(const std::string& code, const Actor& actor);
  // The innovations `actor` may read matching `filter`, `batch` at a time.
  InnovationPages Innovations(InnovationFilter filter, const Actor& actor, int batch = 500);

 private:
  Store& store_;
  Register& reg_;
  Indicators& indicators_;
  double uurtarief_;
};

}  // namespace koers
