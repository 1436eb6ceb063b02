// Missions (domain/mission.hpp): their own fields as one JSON document per
// mission, their contributions as rows of their own, so that a contribution
// changes neither the mission's version nor its last change (what an
// outsider can see of a mission does not move when a private innovation
// joins it). A contribution goes with its innovation and its mission.
//
// Contract: All and Get return the missions with their contributions. Get
// answers kNotFound for an unknown id. Save writes the own fields only:
// with id 0 it inserts; otherwise it replaces when `expected_version`
// matches (0 skips the check; kPreconditionFailed when it does not,
// kNotFound when the mission is gone) and raises the version by one.
// SaveContribution inserts or replaces the one of its innovation (kNotFound
// for an unknown mission). Delete and DeleteContribution answer kNotFound
// when there is nothing to delete. Changes count in the unit of work they
// are made in.
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
  virtual Status SaveContribution(int64_t mission_id, const MissionContribution& c) = 0;
  virtual Status DeleteContribution(int64_t mission_id, int64_t innovation_id) = 0;
};

}  // namespace koers
