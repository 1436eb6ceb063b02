// Diagnoses of innovations on the success factors and climate measurements
// of organisations. Contract: as innovation_store.hpp; lists newest first.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/status.hpp"
#include "domain/assessment.hpp"

namespace koers {

class DiagnosisStore {
 public:
  virtual ~DiagnosisStore() = default;
  virtual Result<std::vector<Assessment>> ListDiagnoses(int64_t innovation_id) = 0;
  virtual Result<Assessment> AddDiagnosis(const Assessment& a, const std::string& door, TimePoint now) = 0;
  // The newest diagnosis of every innovation that has one, by innovation id.
  virtual Result<std::vector<Assessment>> LatestDiagnoses() = 0;
  virtual Result<std::vector<Assessment>> ListClimate(const std::string& org) = 0;
  virtual Result<Assessment> AddClimate(const Assessment& a, const std::string& door, TimePoint now) = 0;
};

}  // namespace koers
