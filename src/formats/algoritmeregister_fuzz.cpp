// Fuzz target: a file handed to `koers import algoritmeregister`.
#include <cstddef>
#include <cstdint>
#include <string>

#include "formats/algoritmeregister.hpp"
#include "formats/organisations.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const koers::OrganisationMatcher* orgs = [] {
    auto* m = new koers::OrganisationMatcher();
    m->Add("Gemeente Utrecht", "GM0344");
    m->Add("Gemeente Bergen (L.)", "GM0893");
    return m;
  }();
  std::string content(reinterpret_cast<const char*>(data), size);
  (void)koers::MapAlgoritmeregister(content, *orgs);
  return 0;
}
