// Field checks shared by the validation rules of the domain records.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.hpp"

namespace koers {

// Problems of a free text field: required but empty, not UTF-8, control
// characters, longer than `max` code points.
void CheckText(std::vector<FieldProblem>* out, const std::string& field, const std::string& v, size_t max,
               bool required);
// An amount (euro, hours) must lie between 0 and a trillion.
void CheckAmount(std::vector<FieldProblem>* out, const std::string& field, const std::optional<double>& v);
// A web address people may follow: http(s) only, no spaces or control characters.
void CheckUrl(std::vector<FieldProblem>* out, const std::string& field, const std::string& v, bool required);

// Adds the problems of `extra` whose field `problems` does not name yet: a
// field is reported once, with the first problem found.
void MergeProblems(std::vector<FieldProblem>* problems, const std::vector<FieldProblem>& extra);

// kInvalid for a record that breaks rules: "`what` is niet opgeslagen: 2
// velden kloppen niet." with the problems.
Error Rejected(std::vector<FieldProblem> problems, const std::string& what);

}  // namespace koers
