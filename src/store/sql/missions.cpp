// Missions in SQL (areas.hpp).
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
  FromStored(json::parse(r.View(), nullptr, false), &m);
  m.aangemaakt_op = r.Text();
  m.gewijzigd_op = r.Text();
  m.versie = r.Int();
  return m;
}

std::string Dump(const Mission& m) { return ToStored(m).dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

Result<std::vector<Mission>> SqlMissions::All() {
  return sql::All(c_, std::string(st::kMissionColumns) + st::kOrderMissions, ReadMission);
}

Result<Mission> SqlMissions::Get(int64_t id) {
  auto m = One(c_, std::string(st::kMissionColumns) + st::kWhereMission, ReadMission, id);
  if (!m.ok()) return m.error();
  if (!m.value()) return NotFoundError("mission " + std::to_string(id));
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

}  // namespace koers::sql
