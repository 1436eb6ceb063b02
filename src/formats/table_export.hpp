// Tables written for people and machines: CSV as Dutch Excel reads it
// (';', decimal comma, UTF-8 with BOM, CRLF), machine CSV (',', decimal
// point, ISO dates), .xlsx (libxlsxwriter) and JSON. Text cells that a
// spreadsheet would run as a formula are defused with a leading quote.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/status.hpp"

namespace koers {

using ExportCell = std::variant<std::monostate, std::string, double>;  // empty, text, number

struct ExportTable {
  std::string naam;                  // sheet name and file name stem
  std::vector<std::string> kolommen;  // header (JSON keys)
  std::vector<std::vector<ExportCell>> rijen;
};

struct ExportFile {
  std::string content_type;
  std::string bestandsnaam;  // for Content-Disposition
  std::string inhoud;
};

// `formaat`: csv-nl, csv, xlsx or json. kInvalid for another format.
Result<ExportFile> WriteExport(const ExportTable& table, const std::string& formaat);

}  // namespace koers
