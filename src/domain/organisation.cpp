#include "domain/organisation.hpp"

#include <cctype>

#include "core/text.hpp"
#include "domain/vocabulary.hpp"

namespace koers {

std::vector<FieldProblem> Validate(const Organisation& org) {
  std::vector<FieldProblem> out;
  if (org.code.empty()) {
    out.push_back({"code", "is verplicht"});
  } else {
    bool ok = org.code.size() <= 40;
    for (unsigned char c : org.code) ok = ok && (std::isalnum(c) || c == '-' || c == '_');
    if (!ok) out.push_back({"code", "mag alleen letters, cijfers, - en _ bevatten (maximaal 40 tekens)"});
  }
  if (org.naam.empty()) {
    out.push_back({"naam", "is verplicht"});
  } else if (!IsValidUtf8(org.naam) || HasControlChars(org.naam) || Utf8Length(org.naam) > 200) {
    out.push_back({"naam", "moet een leesbare naam van hoogstens 200 tekens zijn"});
  }
  if (!vocab::kOrganisatieSoort.Contains(org.soort))
    out.push_back({"soort", "heeft een onbekende waarde; kies uit: " + vocab::kOrganisatieSoort.Allowed()});
  return out;
}

}  // namespace koers
