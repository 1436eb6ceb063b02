#include "domain/indicator.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "domain/checks.hpp"
#include "domain/json_reader.hpp"

namespace koers {
namespace {

bool Digits(const std::string& s, size_t from, size_t n) {
  if (s.size() != from + n) return false;
  for (size_t i = from; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}


}  // namespace

bool IsPeriod(const std::string& p) {
  if (p.size() == 4) return Digits(p, 0, 4);
  if (!Digits(p.substr(0, 4), 0, 4) || p.size() < 7 || p[4] != '-') return false;
  if (p.size() == 7 && p[5] == 'Q') return p[6] >= '1' && p[6] <= '4';
  if (p.size() == 7 && Digits(p, 5, 2)) {
    int m = std::stoi(p.substr(5));
    return m >= 1 && m <= 12;
  }
  return false;
}

std::string PeriodStart(const std::string& p) {
  if (p.size() == 4) return p + "-01-01";
  if (p[5] == 'Q') {
    static const char* kMonth[] = {"01", "04", "07", "10"};
    return p.substr(0, 4) + "-" + kMonth[p[6] - '1'] + "-01";
  }
  return p + "-01";
}

bool IsAreaCode(const std::string& level, const std::string& code) {
  // The municipality's four digits, then the wijk and buurt parts, digits or
  // capitals (Amsterdam's wijken are WK0363AA and on).
  const size_t length = level == "GM" ? 6 : level == "WK" ? 8 : level == "BU" ? 10 : 0;
  if (length == 0 || code.size() != length || code.compare(0, 2, level) != 0) return false;
  if (!Digits(code.substr(0, 6), 2, 4)) return false;
  for (size_t i = 6; i < length; ++i) {
    const char c = code[i];
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

std::vector<FieldProblem> Validate(const Indicator& in) {
  std::vector<FieldProblem> out;
  CheckText(&out, "naam", in.naam, 200, true);
  if (in.soort != "input" && in.soort != "output" && in.soort != "outcome")
    out.push_back({"soort", "kies uit: input, output, outcome"});
  CheckText(&out, "eenheid", in.eenheid, 50, true);
  if (in.richting != "hoger" && in.richting != "lager") out.push_back({"richting", "kies uit: hoger, lager"});
  for (const auto& [field, v] : {std::pair{"basisWaarde", in.basis_waarde}, std::pair{"doelWaarde", in.doel_waarde}})
    if (v && !std::isfinite(*v)) out.push_back({field, "moet een getal zijn"});
  for (const auto& [field, d] : {std::pair{"basisDatum", in.basis_datum}, std::pair{"doelDatum", in.doel_datum}})
    if (!d.empty() && !IsIsoDate(d)) out.push_back({field, "moet een datum zijn als 2026-03-31"});
  if (in.basis_waarde && in.basis_datum.empty()) out.push_back({"basisDatum", "is verplicht bij een basiswaarde"});
  if (in.doel_waarde && in.doel_datum.empty()) out.push_back({"doelDatum", "is verplicht bij een streefwaarde"});
  CheckText(&out, "bron", in.bron, 500, false);
  if (in.gebiedsniveau != "geen" && in.gebiedsniveau != "GM" && in.gebiedsniveau != "WK" && in.gebiedsniveau != "BU")
    out.push_back({"gebiedsniveau", "kies uit: geen, GM, WK, BU"});
  if (in.gebiedsniveau != "geen" && !in.gebied_jaar) out.push_back({"gebiedJaar", "is verplicht bij een gebiedsniveau"});
  if (in.gebied_jaar && (*in.gebied_jaar < 2000 || *in.gebied_jaar > 2100))
    out.push_back({"gebiedJaar", "moet een jaartal zijn"});
  if (in.drempel < 1 || in.drempel > 1000) out.push_back({"drempel", "moet tussen 1 en 1000 liggen"});
  return out;
}

std::vector<FieldProblem> Validate(const Measurement& m, const Indicator& in, const AreaCodes* known,
                                   const std::string& field) {
  std::vector<FieldProblem> out;
  if (!IsPeriod(m.periode)) out.push_back({field + "periode", "moet een jaar, kwartaal of maand zijn: 2024, 2024-Q3 of 2024-07"});
  if (in.gebiedsniveau == "geen") {
    if (!m.gebied.empty()) out.push_back({field + "gebied", "deze indicator kent geen gebieden; laat leeg"});
  } else if (!IsAreaCode(in.gebiedsniveau, m.gebied)) {
    std::string example = in.gebiedsniveau == "GM" ? "GM0344" : in.gebiedsniveau == "WK" ? "WK034401" : "BU03440101";
    out.push_back({field + "gebied", "moet een " + in.gebiedsniveau + "-code zijn zoals " + example});
  } else if (known && in.gebied_jaar && *in.gebied_jaar == known->jaar && in.gebiedsniveau != "BU" &&
             !known->codes.count(m.gebied)) {
    out.push_back({field + "gebied", m.gebied + " bestaat niet in de CBS-lijst van " + std::to_string(known->jaar)});
  }
  if (!std::isfinite(m.waarde)) out.push_back({field + "waarde", "moet een getal zijn"});
  if (m.aantal && (*m.aantal < 0 || *m.aantal > 100000000)) out.push_back({field + "aantal", "moet 0 of meer zijn"});
  return out;
}

nlohmann::json ToJson(const Indicator& in) {
  return nlohmann::json{{"id", in.id},
                        {"innovatieId", in.innovatie_id},
                        {"naam", in.naam},
                        {"soort", in.soort},
                        {"eenheid", in.eenheid},
                        {"richting", in.richting},
                        {"basisWaarde", OrNull(in.basis_waarde)},
                        {"basisDatum", OrNull(in.basis_datum)},
                        {"doelWaarde", OrNull(in.doel_waarde)},
                        {"doelDatum", OrNull(in.doel_datum)},
                        {"bron", OrNull(in.bron)},
                        {"gebiedsniveau", in.gebiedsniveau},
                        {"gebiedJaar", in.gebied_jaar ? nlohmann::json(*in.gebied_jaar) : nlohmann::json(nullptr)},
                        {"drempel", in.drempel},
                        {"optelbaar", in.optelbaar},
                        {"versie", in.versie},
                        {"aangemaaktOp", OrNull(in.aangemaakt_op)},
                        {"gewijzigdOp", OrNull(in.gewijzigd_op)}};
}

std::vector<FieldProblem> FromJson(const nlohmann::json& j, Indicator* in) {
  std::vector<FieldProblem> problems;
  if (!j.is_object()) return {{"", "de inhoud moet een JSON-object zijn"}};
  JsonReader rd(j, &problems);
  rd.Str("naam", &in->naam);
  rd.Code("soort", &in->soort);
  rd.Str("eenheid", &in->eenheid);
  rd.Code("richting", &in->richting);
  rd.Num("basisWaarde", &in->basis_waarde);
  rd.Code("basisDatum", &in->basis_datum);
  rd.Num("doelWaarde", &in->doel_waarde);
  rd.Code("doelDatum", &in->doel_datum);
  rd.Str("bron", &in->bron);
  rd.Code("gebiedsniveau", &in->gebiedsniveau);
  rd.Int("gebiedJaar", &in->gebied_jaar, 2000, 2100);
  std::optional<int> drempel = in->drempel;
  rd.Int("drempel", &drempel, 1, 1000);
  in->drempel = drempel.value_or(10);
  rd.Bool("optelbaar", &in->optelbaar);
  rd.RejectUnknown({"id", "innovatieId", "versie", "aangemaaktOp", "gewijzigdOp", "_links"});
  return problems;
}

}  // namespace koers
