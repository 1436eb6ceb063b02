// Fuzz target: the CSV and .xlsx readers of uploaded measurement files.
// Input starting with "PK" goes to the xlsx reader, the rest to CSV, as in
// ReadTable; the corpus holds both.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "importer/table_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto table = koers::ReadTable(bytes);
  if (table.ok() && table.value().rows.size() != table.value().regels.size()) __builtin_trap();
  (void)koers::ReadCsv(bytes);
  return 0;
}
