#include "domain/adoption.hpp"

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "domain/checks.hpp"
#include "domain/json_reader.hpp"
#include "domain/vocabulary.hpp"

namespace koers {
namespace {

using nlohmann::json;


}  // namespace

std::vector<FieldProblem> Validate(const Adoption& a) {
  std::vector<FieldProblem> out;
  if (a.organisatie.empty()) out.push_back({"organisatie", "is verplicht"});
  if (!vocab::kAdoptieStatus.Contains(a.status))
    out.push_back({"status", "kies uit: " + vocab::kAdoptieStatus.Allowed()});
  if (a.datum.empty()) {
    out.push_back({"datum", "is verplicht"});
  } else if (!IsIsoDate(a.datum)) {
    out.push_back({"datum", "moet een datum zijn als 2025-03-31"});
  }
  CheckText(&out, "notitie", a.notitie, 5000, false);
  return out;
}

std::vector<FieldProblem> Validate(const ReuseAsset& r) {
  std::vector<FieldProblem> out;
  if (!vocab::kHergebruikSoort.Contains(r.soort))
    out.push_back({"soort", "kies uit: " + vocab::kHergebruikSoort.Allowed()});
  CheckText(&out, "titel", r.titel, 200, true);
  CheckUrl(&out, "url", r.url, false);
  CheckText(&out, "licentie", r.licentie, 100, false);
  CheckText(&out, "toelichting", r.toelichting, 2000, false);
  return out;
}

Innovation AdoptedCopy(const Innovation& source, const std::string& organisatie) {
  Innovation copy;
  copy.titel = source.titel;
  copy.samenvatting = source.samenvatting;
  copy.opgave = source.opgave;
  copy.urgentie = source.urgentie;
  copy.doel = source.doel;
  copy.organisatie = organisatie;
  copy.domein = source.domein;
  copy.tags = source.tags;
  copy.fase = "idee";
  copy.status = "actief";
  copy.innovatie_type = source.innovatie_type;
  copy.innovatie_niveau = source.innovatie_niveau;
  copy.trl = source.trl;
  copy.analyse_niveau = source.analyse_niveau;
  copy.orientatie = source.orientatie;
  copy.waarde_soorten = source.waarde_soorten;
  copy.waardepotentie = source.waardepotentie;
  copy.inkoop_route = source.inkoop_route;
  copy.technieken = source.technieken;
  copy.databronnen = source.databronnen;
  for (const auto& m : source.team) {
    TeamMember role;
    role.naam = "Nog te bemensen";
    role.rol = m.rol;
    role.archetypen = m.archetypen;
    copy.team.push_back(std::move(role));
  }
  copy.zichtbaarheid = "organisatie";
  return copy;
}

std::vector<ReuseAsset> AdoptedAssets(const std::vector<ReuseAsset>& source) {
  std::vector<ReuseAsset> out;
  for (const auto& a : source) {
    ReuseAsset copy = a;
    copy.id = 0;
    copy.innovatie_id = 0;
    out.push_back(std::move(copy));
  }
  return out;
}

json ToJson(const AdoptionStep& s) {
  return json{{"status", s.status}, {"datum", s.datum}, {"notitie", OrNull(s.notitie)}, {"door", OrNull(s.door)},
              {"op", s.op}};
}

json ToJson(const ReuseAsset& r) {
  return json{{"id", r.id},
              {"soort", r.soort},
              {"titel", r.titel},
              {"url", OrNull(r.url)},
              {"licentie", OrNull(r.licentie)},
              {"toelichting", OrNull(r.toelichting)},
              {"aangemaaktOp", OrNull(r.aangemaakt_op)},
              {"gewijzigdOp", OrNull(r.gewijzigd_op)}};
}

std::vector<FieldProblem> FromJson(const json& j, Adoption* a, bool* maak_innovatie) {
  std::vector<FieldProblem> problems;
  if (!j.is_object()) return {{"", "de inhoud moet een JSON-object zijn"}};
  JsonReader rd(j, &problems);
  std::optional<int> bron;
  rd.Int("bron", &bron, 1, INT32_MAX);
  if (bron) a->bron_id = *bron;
  rd.Str("organisatie", &a->organisatie);
  rd.Code("status", &a->status);
  rd.Code("datum", &a->datum);
  rd.Str("notitie", &a->notitie);
  rd.Bool("maakInnovatie", maak_innovatie);
  rd.RejectUnknown({"id", "innovatie", "organisatieNaam", "historie", "versie", "aangemaaktOp", "gewijzigdOp",
                    "_links"});
  return problems;
}

std::vector<FieldProblem> FromJson(const json& j, ReuseAsset* r) {
  std::vector<FieldProblem> problems;
  if (!j.is_object()) return {{"", "de inhoud moet een JSON-object zijn"}};
  JsonReader rd(j, &problems);
  rd.Code("soort", &r->soort);
  rd.Str("titel", &r->titel);
  rd.Str("url", &r->url);
  rd.Str("licentie", &r->licentie);
  rd.Str("toelichting", &r->toelichting);
  rd.RejectUnknown({"id", "aangemaaktOp", "gewijzigdOp"});
  return problems;
}

}  // namespace koers
