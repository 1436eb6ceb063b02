// Fuzz target: the CSV and .xlsx readers of uploaded measurement files and
// the mapping of their rows to measurements. Input starting with "PK" goes
// to the xlsx reader, the rest to CSV, as in ReadTable; the corpus holds
// both.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/measurement_import.hpp"
#include "formats/table_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto table = koers::ReadTable(bytes);
  if (!table.ok()) return 0;
  if (table.value().rows.size() != table.value().regels.size()) __builtin_trap();
  koers::Indicator indicator;
  static const char* kLevels[] = {"geen", "GM", "WK", "BU"};
  indicator.gebiedsniveau = kLevels[size % 4];
  indicator.gebied_jaar = 2024;
  auto parsed = koers::ParseMeasurements(table.value(), indicator, nullptr);
  if (parsed.fouten.size() > koers::kMaxRowProblems) __builtin_trap();
  return 0;
}
