// Tables written for people and machines: CSV as Dutch Excel reads it
// (';', decimal comma, UTF-8 with BOM, CRLF), machine CSV (',', decimal
// point, ISO dates), .xlsx (libxlsxwriter) and JSON. Text cells that a
// spreadsheet would run as a formula are defused with a leading quote.
//
// A TableWriter writes row by row, so a table of any length is written in
// constant memory: CSV and JSON bytes come out as the rows go in; .xlsx is
// built in a temporary file (libxlsxwriter's constant-memory mode) and read
// out in pieces at the end.
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "core/status.hpp"

namespace koers {

using ExportCell = std::variant<std::monostate, std::string, double>;  // empty, text, number

class TableWriter {
 public:
  // `formaat`: csv-nl, csv, xlsx or json; kInvalid naming `formaat` for
  // another. `naam` is the sheet name and the file name's stem; `kolommen`
  // the header (JSON keys).
  static Result<std::unique_ptr<TableWriter>> Open(const std::string& formaat, const std::string& naam,
                                                   std::vector<std::string> kolommen);
  virtual ~TableWriter() = default;

  const std::string& content_type() const { return content_type_; }
  const std::string& bestandsnaam() const { return bestandsnaam_; }

  // Appends the bytes of one row (none for .xlsx) to `out`.
  virtual Status Add(const std::vector<ExportCell>& row, std::string* out) = 0;
  // After the last row: appends the next piece of what remains (at most
  // about 64 KiB) to `out`; true once everything was written.
  virtual Result<bool> Finish(std::string* out) = 0;

 protected:
  TableWriter(std::string content_type, std::string bestandsnaam, std::vector<std::string> kolommen)
      : content_type_(std::move(content_type)), bestandsnaam_(std::move(bestandsnaam)), kolommen_(std::move(kolommen)) {}
  std::string content_type_;
  std::string bestandsnaam_;
  std::vector<std::string> kolommen_;
};

}  // namespace koers
