// Missions (the report's outlook, seed 002 §5.1): an ambitious, measurable
// goal shared by one or more owning organisations, pursued with partners of
// the quadruple helix (overheid, markt, kennisinstellingen, samenleving) and
// with innovations of any organisation that contribute with their owner's
// consent. A concept mission is read by its owners only; a published one by
// everyone. Its own outcome indicator is measured in the target's unit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.hpp"
#include "domain/access.hpp"

namespace koers {

struct MissionPartner {
  std::string naam;
  std::string rol;  // vocab::kMissieRol
  bool operator==(const MissionPartner&) const = default;
};

struct MissionMeasurement {
  std::string datum;
  double waarde = 0;
  bool operator==(const MissionMeasurement&) const = default;
};

// An innovation that contributes: asked (by a mission owner or anyone who
// may read it), then agreed or refused by whoever may edit the innovation.
struct MissionContribution {
  int64_t innovatie_id = 0;
  std::string status = "gevraagd";  // vocab::kBijdrageStatus
  std::string toelichting;
  std::string gevraagd_op, beslist_op;  // dates
  bool operator==(const MissionContribution&) const = default;
};

struct Mission {
  int64_t id = 0;
  std::string titel;
  std::string opgave;  // the statement: what must change, and why
  std::optional<double> doel_waarde;
  std::string doel_eenheid, doel_datum;
  std::string status = "concept";  // vocab::kMissieStatus
  std::vector<std::string> eigenaren;  // organisation codes, at least one
  std::vector<MissionPartner> partners;
  std::vector<MissionMeasurement> metingen;  // by date
  std::vector<MissionContribution> bijdragen;
  std::string aangemaakt_op, gewijzigd_op;
  int64_t versie = 0;
};

bool IsOwner(const Actor& a, const Mission& m);  // a role in an owning organisation
bool CanRead(const Actor& a, const Mission& m);  // published, or an owner (or the landelijk beheerder)
bool CanEdit(const Actor& a, const Mission& m);  // lid or beheerder of an owner, or the landelijk beheerder

// The rules of the mission's own fields (not which organisations exist).
std::vector<FieldProblem> Validate(const Mission& m);
// Sorts the measurements by date.
void Normalise(Mission* m);

// The mission's own fields; bijdragen are written by their own routes.
nlohmann::json ToJson(const Mission& m);
std::vector<FieldProblem> FromJson(const nlohmann::json& j, Mission* m);
// The stored form of the own fields: without id, version and stamps.
nlohmann::json ToStored(const Mission& m);

// Progress towards the target: the latest measurement.
struct MissionProgress {
  double waarde = 0;
  std::string datum;
  std::optional<double> percentage;  // of the target, when it has one other than 0
};
std::optional<MissionProgress> Progress(const Mission& m);

}  // namespace koers
