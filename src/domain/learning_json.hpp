// JSON forms of the learning records, as the API sends and accepts them and
// as the store keeps them. FromJson reads the fields present and reports
// wrong types and unknown fields.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <vector>

#include "core/status.hpp"
#include "domain/learning.hpp"

namespace koers {

nlohmann::json ToJson(const Lesson& l);
std::vector<FieldProblem> FromJson(const nlohmann::json& j, Lesson* l);

nlohmann::json ToJson(const ActionReview& r);
std::vector<FieldProblem> FromJson(const nlohmann::json& j, ActionReview* r);

nlohmann::json ToJson(const ReviewCadence& c);
std::vector<FieldProblem> FromJson(const nlohmann::json& j, ReviewCadence* c);

// An invitation to a critical friend; FromJson reads what the team sends
// (email, naam, bericht, geldigTot, terugblikId).
nlohmann::json ToJson(const Invitation& i);
std::vector<FieldProblem> FromJson(const nlohmann::json& j, Invitation* i);

nlohmann::json ToJson(const FriendComment& c);
std::vector<FieldProblem> FromJson(const nlohmann::json& j, FriendComment* c);

// When the next review is due: {datum, teLaat, reden, laatste}.
nlohmann::json ToJson(const ReviewDue& d);

}  // namespace koers
