#include "domain/assessment.hpp"

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "domain/checks.hpp"
#include "domain/json_reader.hpp"
#include "domain/steering_json.hpp"

namespace koers {
namespace {

void CheckScores(std::vector<FieldProblem>* out, const std::string& field, const std::map<std::string, Score>& scores,
                 const std::set<std::string>& known) {
  for (const auto& [id, s] : scores) {
    std::string f = field + "." + id;
    if (!known.count(id)) {
      out->push_back({f, "onbekend; kies uit de lijst van /api/v1/kennis"});
      continue;
    }
    if (!s.score) out->push_back({f + ".score", "is verplicht (1 tot en met 5)"});
    CheckText(out, f + ".notitie", s.tekst, 2000, false);
  }
}

}  // namespace

std::vector<FieldProblem> Validate(const Assessment& a, const char* scores_field, const std::set<std::string>& known,
                                   const std::set<std::string>& known_hurdles) {
  std::vector<FieldProblem> out;
  if (!IsIsoDate(a.datum)) out.push_back({"datum", "moet een datum zijn als 2026-03-31"});
  if (a.scores.empty() && a.drempels.empty()) out.push_back({scores_field, "geef minstens één score"});
  CheckScores(&out, scores_field, a.scores, known);
  CheckScores(&out, "drempels", a.drempels, known_hurdles);
  return out;
}

nlohmann::json ToJson(const Assessment& a, const char* scores_field) {
  nlohmann::json j = {{"id", a.id},
                      {"datum", a.datum},
                      {scores_field, ScoresJson(a.scores, "notitie")},
                      {"door", a.door},
                      {"op", a.op}};
  if (!a.organisatie.empty()) j["drempels"] = ScoresJson(a.drempels, "notitie");
  return j;
}

std::vector<FieldProblem> FromJson(const nlohmann::json& j, Assessment* a, const char* scores_field, bool hurdles) {
  std::vector<FieldProblem> problems;
  if (!j.is_object()) return {{"", "de inhoud moet een JSON-object zijn"}};
  JsonReader rd(j, &problems);
  rd.Code("datum", &a->datum);
  ReadScores(&rd, scores_field, "notitie", &a->scores, &problems);
  if (hurdles) ReadScores(&rd, "drempels", "notitie", &a->drempels, &problems);
  rd.RejectUnknown({"id", "door", "op"});
  return problems;
}

}  // namespace koers
