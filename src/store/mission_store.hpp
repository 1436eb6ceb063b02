// Missions with their contributions (domain/mission.hpp), kept as one JSON
// document per mission.
//
// Contract: Get answers kNotFound for an unknown id. Save with id 0 inserts;
// otherwise it replaces when `expected_version` matches (0 skips the check;
// kPreconditionFailed when it does not, kNotFound when the mission is gone)
// and raises the version by one. Delete answers kNotFound for an unknown
// id. Changes count in the unit of work they are made in.
#pragma once

#include <cstdint>
#include <vector>

#include "core/clock.hpp"
#include "core/status.hpp"
#include "domain/mission.hpp"

namespace koers {

class MissionStore {
 public:
  virtual ~MissionStore() = default;
  // Every mission, newest first. Missions are few (goals, not projects).
  virtual Result<std::vector<Mission>> All() = 0;
  virtual Result<Mission> Get(int64_t id) = 0;
  virtual Result<Mission> Save(const Mission& m, int64_t expected_version, TimePoint now) = 0;
  virtual Status Delete(int64_t id) = 0;
};

}  // namespace koers
