// JSON forms of the steering records, as the API sends and accepts them and
// as the store keeps their structured parts. FromJson functions read the
// fields present and report wrong types and unknown fields.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <vector>

#include "core/status.hpp"
#include "domain/steering.hpp"

namespace koers {

class JsonReader;

nlohmann::json ToJson(const Review& r);
std::vector<FieldProblem> FromJson(const nlohmann::json& j, Review* r);
// The pillars or dark sides alone (store columns).
nlohmann::json ScoresJson(const std::map<std::string, Score>& scores, const char* text_key);
std::map<std::string, Score> ScoresFromJson(const nlohmann::json& j, const char* text_key);
// Reads {"name": {"score": 1-5, text_key: "..."}} under `key` into `out`,
// reporting wrong types; which names are allowed is Validate's business.
void ReadScores(JsonReader* r, const char* key, const char* text_key, std::map<std::string, Score>* out,
                std::vector<FieldProblem>* problems);

nlohmann::json ToJson(const Uncertainty& u);
std::vector<FieldProblem> FromJson(const nlohmann::json& j, Uncertainty* u);

nlohmann::json ToJson(const BusinessCase& b);
std::vector<FieldProblem> FromJson(const nlohmann::json& j, BusinessCase* b);

nlohmann::json ToJson(const Pitch& p);
std::vector<FieldProblem> FromJson(const nlohmann::json& j, Pitch* p);

nlohmann::json ToJson(const MaturityEntry& m);
std::vector<FieldProblem> FromJson(const nlohmann::json& j, MaturityEntry* m);

// {"field": {"oud": ..., "nieuw": ...}} for the top-level fields that differ.
nlohmann::json JsonChanges(const nlohmann::json& before, const nlohmann::json& after);

}  // namespace koers
