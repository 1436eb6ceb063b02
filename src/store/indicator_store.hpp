// Indicators of innovations and their measurements per period and area.
//
// Contract: as innovation_store.hpp. A measurement is unique by indicator,
// period and area: importing the same cell again replaces it, and an
// unchanged cell changes nothing (no version bump).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/status.hpp"
#include "domain/indicator.hpp"

namespace koers {

struct ImportCounts {
  int toegevoegd = 0;
  int gewijzigd = 0;
  int ongewijzigd = 0;
};

// Measurements summed per municipality and year.
struct MeasurementAggregate {
  std::string gemeente;  // GM code ("" without areas)
  std::string jaar;
  double som = 0;
  double gemiddelde = 0;
  int64_t metingen = 0;
  std::optional<int64_t> aantal;           // sum of the counts of people, when known
  std::optional<int64_t> kleinste_aantal;  // smallest count among the cells
};

class IndicatorStore {
 public:
  virtual ~IndicatorStore() = default;
  // In order of creation.
  virtual Result<std::vector<Indicator>> List(int64_t innovation_id) = 0;
  // The indicators of several innovations at once, by innovation.
  virtual Result<std::map<int64_t, std::vector<Indicator>>> ListOf(const std::vector<int64_t>& innovation_ids) = 0;
  virtual Result<Indicator> Get(int64_t id) = 0;
  // Inserts (id 0) or updates one indicator (expected_version 0 skips the
  // check); returns it as stored.
  virtual Result<Indicator> Save(const Indicator& in, int64_t expected_version, TimePoint now) = 0;
  virtual Status Delete(int64_t id) = 0;

  // In order of period, then area.
  virtual Result<std::vector<Measurement>> Measurements(int64_t indicator_id) = 0;
  virtual Result<int64_t> CountMeasurements(int64_t indicator_id) = 0;
  // Adds or replaces the cells `rows` (unique by period and area); bumps the
  // indicator's version when anything changed.
  virtual Result<ImportCounts> Upsert(int64_t indicator_id, const std::vector<Measurement>& rows, TimePoint now) = 0;
  // The cells of the last period (in period order) of each indicator, by
  // indicator.
  virtual Result<std::map<int64_t, std::vector<Measurement>>> LatestMeasurements(
      const std::vector<int64_t>& indicator_ids) = 0;
  // Per municipality and year.
  virtual Result<std::vector<MeasurementAggregate>> Aggregate(int64_t indicator_id) = 0;
};

}  // namespace koers
