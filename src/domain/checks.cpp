#include "domain/checks.hpp"

#include "core/text.hpp"

namespace koers {

void CheckText(std::vector<FieldProblem>* out, const std::string& field, const std::string& v, size_t max,
               bool required) {
  if (v.empty()) {
    if (required) out->push_back({field, "is verplicht"});
    return;
  }
  if (!IsValidUtf8(v) || HasControlChars(v)) {
    out->push_back({field, "bevat ongeldige tekens"});
  } else if (Utf8Length(v) > max) {
    out->push_back({field, "is te lang (maximaal " + std::to_string(max) + " tekens)"});
  }
}

void CheckAmount(std::vector<FieldProblem>* out, const std::string& field, const std::optional<double>& v) {
  if (v && (*v < 0 || *v > 1e12)) out->push_back({field, "moet 0 of meer zijn"});
}

void CheckUrl(std::vector<FieldProblem>* out, const std::string& field, const std::string& v, bool required) {
  if (v.empty()) {
    if (required) out->push_back({field, "is verplicht"});
    return;
  }
  bool scheme = v.rfind("https://", 0) == 0 || v.rfind("http://", 0) == 0;
  bool clean = IsValidUtf8(v) && !HasControlChars(v) && v.find_first_of(" \t\r\n\"<>") == std::string::npos;
  if (!scheme || !clean || v.size() < 12) {
    out->push_back({field, "moet een webadres zijn dat begint met https://"});
  } else if (v.size() > 2000) {
    out->push_back({field, "is te lang (maximaal 2000 tekens)"});
  }
}

void MergeProblems(std::vector<FieldProblem>* problems, const std::vector<FieldProblem>& extra) {
  for (const auto& p : extra) {
    bool named = false;
    for (const auto& q : *problems) named = named || q.field == p.field;
    if (!named) problems->push_back(p);
  }
}

Error Rejected(std::vector<FieldProblem> problems, const std::string& what) {
  size_t n = problems.size();
  return Invalid(what + " is niet opgeslagen: " + std::to_string(n) + (n == 1 ? " veld klopt niet." : " velden kloppen niet."),
                 std::move(problems));
}

}  // namespace koers
