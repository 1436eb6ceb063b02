// Fuzz target: the GeoJSON reader of the municipality map.
#include <cstddef>
#include <cstdint>
#include <string>

#include "formats/municipality_map.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto map = koers::MunicipalityMap::Parse(std::string(reinterpret_cast<const char*>(data), size));
  if (map.ok()) (void)map.value().Json().size();
  return 0;
}
