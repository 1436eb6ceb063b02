// Fuzz target: an organisation code list (name;identifier;org_id).
#include <cstddef>
#include <cstdint>
#include <string>

#include "formats/organisations.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string content(reinterpret_cast<const char*>(data), size);
  auto orgs = koers::ParseOrganisationList(content, "gemeente", "fuzz.csv");
  if (orgs.ok()) {
    koers::OrganisationMatcher m;
    for (const auto& o : orgs.value()) m.Add(o.naam, o.code);
    for (const auto& o : orgs.value()) (void)koers::GeneratedCode(o.naam, m);
  }
  return 0;
}
