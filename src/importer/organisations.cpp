#include "importer/organisations.hpp"

#include "app/register.hpp"
#include "core/file_io.hpp"

namespace koers {

Result<std::vector<Organisation>> ReadStandardOrganisations(const std::string& data_dir) {
  static const std::pair<const char*, const char*> kLists[] = {
      {"Gemeenten.csv", "gemeente"},
      {"Provincies.csv", "provincie"},
      {"Waterschappen.csv", "waterschap"},
      {"Omgevingsdiensten.csv", "omgevingsdienst"},
      {"Veiligheidsregios.csv", "veiligheidsregio"},
  };
  std::vector<Organisation> all;
  for (const auto& [file, soort] : kLists) {
    std::string path = data_dir + "/organisaties/" + file;
    auto content = ReadFile(path, 1u << 20);
    if (!content.ok()) return content.error();
    auto orgs = ParseOrganisationList(content.value(), soort, path);
    if (!orgs.ok()) return orgs.error();
    all.insert(all.end(), orgs.value().begin(), orgs.value().end());
  }
  return all;
}

Result<int> LoadStandardOrganisations(Register& reg, const std::string& data_dir) {
  auto orgs = ReadStandardOrganisations(data_dir);
  if (!orgs.ok()) return orgs.error();
  return reg.AddOrganisations(orgs.value(), Actor::System("codelijsten"));
}

}  // namespace koers
