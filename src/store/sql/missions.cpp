// Missions and their contributions in SQL (areas.hpp).
#include <map>
#include <nlohmann/json.hpp>

#include "store/sql/areas.hpp"
#include "store/sql/query.hpp"
#include "store/sql/statements.hpp"

namespace koers::sql {
namespace {

namespace st = statements;
using nlohmann::json;

Mission ReadMission(RowReader& r) {
  Mission m;
  m.id = r.Int();
  (void)FromJson(json::parse(r.View(), nullptr, false), &m);
  m.aangemaakt_op = r.Text();
  m.gewijzigd_op = r.Text();
  m.versie = r.Int();
  return m;
}

std::pair<int64_t, MissionContribution> ReadContribution(RowReader& r) {
  int64_t mission = r.Int();
  MissionContribution c;
  c.innovatie_id = r.Int();
  c.status = r.Text();
  c.toelichting = r.Text();
  c.gevraagd_op = r.Text();
  c.beslist_op = r.Text();
  return {mission, std::move(c)};
}

std::string Dump(const Mission& m) { return ToStored(m).dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

Result<std::vector<Mission>> SqlMissions::All() {
  auto missions = sql::All(c_, std::string(st::kMissionColumns) + st::kOrderMissions, ReadMission);
  if (!missions.ok()) return missions;
  auto contributions = sql::All(c_, std::string(st::kContributionColumns) + st::kOrderContributions, ReadContribution);
  if (!contributions.ok()) return contributions.error();
  std::map<int64_t, Mission*> by_id;
  for (auto& m : missions.value()) by_id[m.id] = &m;
  for (auto& [mission, c] : contributions.value())
    if (auto it = by_id.find(mission); it != by_id.end()) it->second->bijdragen.push_back(std::move(c));
  return missions;
}

Result<Mission> SqlMissions::Get(int64_t id) {
  auto m = One(c_, std::string(st::kMissionColumns) + st::kWhereMission, ReadMission, id);
  if (!m.ok()) return m.error();
  if (!m.value()) return NotFoundError("mission " + std::to_string(id));
  auto contributions = sql::All(c_, std::string(st::kContributionColumns) + st::kWhereContributionsOf,
                                ReadContribution, id);
  if (!contributions.ok()) return contributions.error();
  for (auto& [mission, c] : contributions.value()) m.value()->bijdragen.push_back(std::move(c));
  return std::move(*m.value());
}

Result<Mission> SqlMissions::Save(const Mission& m, int64_t expected_version, TimePoint now) {
  int64_t id = m.id;
  if (id == 0) {
    auto created = Scalar(c_, st::kInsertMission, m.status, Dump(m), Stamp(now));
    if (!created.ok()) return created.error();
    id = created.value().value_or(0);
  } else {
    auto n = Exec(c_, st::kUpdateMission, m.id, m.status, Dump(m), Stamp(now), expected_version);
    if (!n.ok()) return n.error();
    if (n.value() == 0) {
      auto v = Scalar(c_, st::kMissionVersion, m.id);
      if (!v.ok()) return v.error();
      if (!v.value()) return NotFoundError("mission " + std::to_string(m.id));
      return StaleError("mission " + std::to_string(m.id));
    }
  }
  return Get(id);
}

Status SqlMissions::Delete(int64_t id) {
  auto n = Exec(c_, st::kDeleteMission, id);
  if (!n.ok()) return n.status();
  if (n.value() == 0) return NotFoundError("mission " + std::to_string(id));
  return Status::Ok();
}

Status SqlMissions::SaveContribution(int64_t mission_id, const MissionContribution& c) {
  auto v = Scalar(c_, st::kMissionVersion, mission_id);
  if (!v.ok()) return v.status();
  if (!v.value()) return NotFoundError("mission " + std::to_string(mission_id));
  auto n = Exec(c_, st::kUpsertContribution, mission_id, c.innovatie_id, c.status, c.toelichting, c.gevraagd_op,
                Param::OrNull(c.beslist_op));
  if (!n.ok()) return n.status();
  return Status::Ok();
}

Status SqlMissions::DeleteContribution(int64_t mission_id, int64_t innovation_id) {
  auto n = Exec(c_, st::kDeleteContribution, mission_id, innovation_id);
  if (!n.ok()) return n.status();
  if (n.value() == 0) return NotFoundError("contribution " + std::to_string(innovation_id));
  return Status::Ok();
}

}  // namespace koers::sql
