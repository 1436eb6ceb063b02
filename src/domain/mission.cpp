#include "domain/mission.hpp"

#include <algorithm>
#include <cmath>

#include "core/clock.hpp"
#include "domain/checks.hpp"
#include "domain/json_reader.hpp"
#include "domain/vocabulary.hpp"

namespace koers {

using nlohmann::json;

bool IsOwner(const Actor& a, const Mission& m) {
  return std::any_of(m.eigenaren.begin(), m.eigenaren.end(), [&](const std::string& o) { return a.HasAnyRole(o); });
}

bool CanRead(const Actor& a, const Mission& m) {
  return m.status == "gepubliceerd" || a.Everything() || IsOwner(a, m);
}

bool CanEdit(const Actor& a, const Mission& m) {
  if (a.Everything()) return true;
  return std::any_of(m.eigenaren.begin(), m.eigenaren.end(), [&](const std::string& o) {
    return a.HasRole(o, rol::kLid) || a.HasRole(o, rol::kBeheerder);
  });
}

std::vector<FieldProblem> Validate(const Mission& m) {
  std::vector<FieldProblem> out;
  CheckText(&out, "titel", m.titel, 200, true);
  CheckText(&out, "opgave", m.opgave, 10000, true);
  if (m.doel_waarde && (!std::isfinite(*m.doel_waarde) || std::fabs(*m.doel_waarde) > 1e12))
    out.push_back({"doel.waarde", "moet een getal zijn tussen -1 biljoen en 1 biljoen"});
  CheckText(&out, "doel.eenheid", m.doel_eenheid, 60, m.doel_waarde.has_value());
  if (m.doel_datum.empty()) {
    out.push_back({"doel.datum", "is verplicht; vul in wanneer het doel bereikt moet zijn, als 2030-12-31"});
  } else if (!IsIsoDate(m.doel_datum)) {
    out.push_back({"doel.datum", "moet een datum zijn als 2030-12-31"});
  }
  if (!vocab::kMissieStatus.Contains(m.status)) out.push_back({"status", "kies uit: " + vocab::kMissieStatus.Allowed()});
  if (m.eigenaren.empty()) out.push_back({"eigenaren", "noem ten minste één organisatie die eigenaar is"});
  if (m.eigenaren.size() > 50) out.push_back({"eigenaren", "mag hoogstens 50 organisaties noemen"});
  if (m.partners.size() > 200) out.push_back({"partners", "mag hoogstens 200 partners noemen"});
  for (size_t i = 0; i < m.partners.size() && i < 200; ++i) {
    const std::string at = "partners[" + std::to_string(i) + "]";
    CheckText(&out, at + ".naam", m.partners[i].naam, 200, true);
    if (!vocab::kMissieRol.Contains(m.partners[i].rol))
      out.push_back({at + ".rol", "kies uit: " + vocab::kMissieRol.Allowed()});
  }
  if (m.metingen.size() > 500) out.push_back({"metingen", "mag hoogstens 500 metingen hebben"});
  for (size_t i = 0; i < m.metingen.size() && i < 500; ++i) {
    const auto& g = m.metingen[i];
    const std::string at = "metingen[" + std::to_string(i) + "]";
    if (!IsIsoDate(g.datum)) out.push_back({at + ".datum", "moet een datum zijn als 2026-03-31"});
    if (!std::isfinite(g.waarde) || std::fabs(g.waarde) > 1e12)
      out.push_back({at + ".waarde", "moet een getal zijn tussen -1 biljoen en 1 biljoen"});
  }
  return out;
}

void Normalise(Mission* m) {
  std::stable_sort(m->metingen.begin(), m->metingen.end(),
                   [](const MissionMeasurement& a, const MissionMeasurement& b) { return a.datum < b.datum; });
  std::vector<std::string> owners;
  for (const auto& o : m->eigenaren)
    if (std::find(owners.begin(), owners.end(), o) == owners.end()) owners.push_back(o);
  m->eigenaren = std::move(owners);
}

json ToJson(const Mission& m) {
  json partners = json::array();
  for (const auto& p : m.partners) partners.push_back({{"naam", p.naam}, {"rol", p.rol}});
  json metingen = json::array();
  for (const auto& g : m.metingen) metingen.push_back({{"datum", g.datum}, {"waarde", g.waarde}});
  return json{{"id", m.id},
              {"titel", m.titel},
              {"opgave", m.opgave},
              {"doel", {{"waarde", OrNull(m.doel_waarde)}, {"eenheid", OrNull(m.doel_eenheid)}, {"datum", OrNull(m.doel_datum)}}},
              {"status", m.status},
              {"eigenaren", m.eigenaren},
              {"partners", std::move(partners)},
              {"metingen", std::move(metingen)},
              {"aangemaaktOp", OrNull(m.aangemaakt_op)},
              {"gewijzigdOp", OrNull(m.gewijzigd_op)},
              {"versie", m.versie}};
}

std::vector<FieldProblem> FromJson(const json& j, Mission* m) {
  std::vector<FieldProblem> problems;
  if (!j.is_object()) return {{"", "de inhoud moet een JSON-object zijn"}};
  JsonReader rd(j, &problems);
  rd.Str("titel", &m->titel);
  rd.Str("opgave", &m->opgave);
  rd.Code("status", &m->status);
  if (const json* doel = rd.Find("doel"); doel && !doel->is_null()) {
    if (!doel->is_object()) {
      rd.Bad("doel", "moet een object zijn met waarde, eenheid en datum");
    } else {
      JsonReader d(*doel, &problems, "doel.");
      d.Num("waarde", &m->doel_waarde);
      d.Str("eenheid", &m->doel_eenheid);
      d.Code("datum", &m->doel_datum);
      d.RejectUnknown();
    }
  }
  // Owners as codes, or as the objects the API writes ({code, naam}).
  if (const json* owners = rd.Find("eigenaren")) {
    m->eigenaren.clear();
    if (!owners->is_array()) {
      rd.Bad("eigenaren", "moet een lijst van organisatiecodes zijn");
    } else {
      for (const auto& o : *owners) {
        if (o.is_string()) {
          m->eigenaren.push_back(o.get<std::string>());
        } else if (o.is_object() && o.contains("code") && o["code"].is_string()) {
          m->eigenaren.push_back(o["code"].get<std::string>());
        } else {
          rd.Bad("eigenaren", "moet een lijst van organisatiecodes zijn");
          break;
        }
      }
    }
  }
  if (const json* partners = rd.Find("partners")) {
    m->partners.clear();
    if (!partners->is_array()) {
      rd.Bad("partners", "moet een lijst zijn van partners met naam en rol");
    } else {
      for (size_t i = 0; i < partners->size(); ++i) {
        const json& p = (*partners)[i];
        const std::string at = "partners[" + std::to_string(i) + "].";
        if (!p.is_object()) {
          problems.push_back({"partners[" + std::to_string(i) + "]", "moet een object zijn met naam en rol"});
          continue;
        }
        MissionPartner mp;
        JsonReader pr(p, &problems, at);
        pr.Str("naam", &mp.naam);
        pr.Code("rol", &mp.rol);
        pr.RejectUnknown({"rolLabel"});
        m->partners.push_back(std::move(mp));
      }
    }
  }
  if (const json* metingen = rd.Find("metingen")) {
    m->metingen.clear();
    if (!metingen->is_array()) {
      rd.Bad("metingen", "moet een lijst zijn van metingen met datum en waarde");
    } else {
      for (size_t i = 0; i < metingen->size(); ++i) {
        const json& g = (*metingen)[i];
        const std::string at = "metingen[" + std::to_string(i) + "].";
        if (!g.is_object()) {
          problems.push_back({"metingen[" + std::to_string(i) + "]", "moet een object zijn met datum en waarde"});
          continue;
        }
        MissionMeasurement mm;
        std::optional<double> value;
        JsonReader gr(g, &problems, at);
        gr.Code("datum", &mm.datum);
        gr.Num("waarde", &value);
        gr.RejectUnknown();
        if (!value && !g.contains("waarde")) problems.push_back({at + "waarde", "is verplicht"});
        mm.waarde = value.value_or(0);
        m->metingen.push_back(std::move(mm));
      }
    }
  }
  rd.RejectUnknown({"id", "aangemaaktOp", "gewijzigdOp", "versie", "_links", "bijdragen", "portfolio", "voortgang",
                    "wijzigbaar", "kanBijdragen"});
  return problems;
}

json ToStored(const Mission& m) {
  json out = ToJson(m);
  for (const char* managed : {"id", "aangemaaktOp", "gewijzigdOp", "versie"}) out.erase(managed);
  return out;
}

std::optional<MissionProgress> Progress(const Mission& m) {
  if (m.metingen.empty()) return std::nullopt;
  const auto& last = m.metingen.back();
  MissionProgress p{last.waarde, last.datum, std::nullopt};
  if (m.doel_waarde && *m.doel_waarde != 0) p.percentage = std::round(last.waarde / *m.doel_waarde * 1000) / 10;
  return p;
}

}  // namespace koers
