// Assessments against the knowledge base (advice/knowledge.hpp): a
// diagnosis of one innovation on the nine success factors, or a measurement
// of an organisation's innovation climate (twelve traits, four hurdles).
// Each is dated and kept; the newest counts, the history shows the trend.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "domain/steering.hpp"

namespace koers {

struct Assessment {
  int64_t id = 0;
  int64_t innovatie_id = 0;  // a diagnosis
  std::string organisatie;   // a climate measurement
  std::string datum;         // when it held, YYYY-MM-DD
  std::map<std::string, Score> scores;    // success factors, or climate traits
  std::map<std::string, Score> drempels;  // hurdles (climate only)
  std::string op, door;
};

// Scores must name `known` items (and hurdles `known_hurdles`), 1-5, with
// notes of at most 2,000 characters; at least one score.
std::vector<FieldProblem> Validate(const Assessment& a, const char* scores_field, const std::set<std::string>& known,
                                   const std::set<std::string>& known_hurdles = {});

// JSON: {"datum", "<scores_field>": {"id": {"score", "notitie"}}, "drempels"}.
nlohmann::json ToJson(const Assessment& a, const char* scores_field);
std::vector<FieldProblem> FromJson(const nlohmann::json& j, Assessment* a, const char* scores_field, bool hurdles);

}  // namespace koers
