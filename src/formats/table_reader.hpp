// Spreadsheet files from outside, read into a table of text cells: CSV as
// Dutch Excel writes it (';', decimal comma, UTF-8 with or without BOM,
// CRLF) or as machines write it (',', decimal point), and .xlsx (the first
// worksheet). Every failure is a Dutch message naming what is wrong; a
// damaged or hostile file (bad encoding, ragged rows, a zip bomb) is refused
// whole, never read in part.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"

namespace koers {

struct TextTable {
  std::vector<std::vector<std::string>> rows;  // the first row is the header
  std::vector<int> regels;                     // line (CSV) or row number (xlsx) of each row, 1-based
  bool decimale_komma = false;                 // numbers are written 1.234,5
  bool uit_xlsx = false;                       // numbers are as Excel stores them (dates as serial days)
};

// Limits that keep a hostile file from exhausting the machine.
inline constexpr size_t kMaxTableBytes = 64u << 20;  // of the file as uploaded
inline constexpr size_t kMaxTableRows = 1000000;
inline constexpr size_t kMaxTableColumns = 50;
inline constexpr size_t kMaxCellBytes = 1000;
inline constexpr size_t kMaxUnzippedBytes = 100u << 20;  // all xlsx parts together, unpacked

Result<TextTable> ReadCsv(std::string_view bytes);
Result<TextTable> ReadXlsx(std::string_view bytes);
// By content: a zip (xlsx) starts with "PK"; anything else is read as CSV.
Result<TextTable> ReadTable(std::string_view bytes);

}  // namespace koers
