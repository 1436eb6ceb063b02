#include "formats/reference_cases.hpp"

#include <nlohmann/json.hpp>

#include "domain/innovation_json.hpp"

namespace koers {

Result<ReferenceCases> ParseReferenceCases(const std::string& content, const std::string& file_name) {
  auto doc = nlohmann::json::parse(content, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return Invalid(file_name + ": geen geldig JSON-object.");
  ReferenceCases out;
  if (doc.contains("organisaties")) {
    const auto& orgs = doc["organisaties"];
    if (!orgs.is_array()) return Invalid(file_name + ": 'organisaties' moet een lijst zijn.");
    for (size_t i = 0; i < orgs.size(); ++i) {
      const auto& o = orgs[i];
      Organisation org;
      if (o.is_object()) {
        org.code = o.value("code", "");
        org.naam = o.value("naam", "");
        org.soort = o.value("soort", "");
      }
      auto problems = Validate(org);
      if (!problems.empty())
        return Invalid(file_name + ": organisaties[" + std::to_string(i) + "]." + problems[0].field + " " +
                       problems[0].message + ".");
      out.organisations.push_back(std::move(org));
    }
  }
  if (!doc.contains("innovaties") || !doc["innovaties"].is_array())
    return Invalid(file_name + ": 'innovaties' ontbreekt of is geen lijst.");
  const auto& items = doc["innovaties"];
  for (size_t i = 0; i < items.size(); ++i) {
    Innovation in;
    in.zichtbaarheid = "openbaar";
    auto problems = FromJson(items[i], &in);
    Normalise(&in);
    if (problems.empty()) problems = Validate(in);
    if (problems.empty() && in.referentie.empty()) problems.push_back({"referentie", "is verplicht"});
    if (!problems.empty())
      return Invalid(file_name + ": innovaties[" + std::to_string(i) + "]." + problems[0].field + " " +
                     problems[0].message + ".");
    // The case's phase began, as far as the report tells, at its start date.
    if (!in.start_datum.empty())
      in.fase_historie = {{in.fase, in.status, in.start_datum + "T00:00:00Z", "referentiecase",
                           "fase volgens het onderzoeksrapport"}};
    out.innovations.push_back(std::move(in));
  }
  return out;
}

}  // namespace koers
