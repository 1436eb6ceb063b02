#include "formats/table_export.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace koers {
namespace {

// A text a spreadsheet would treat as a formula gets a leading quote.
std::string Defuse(const std::string& s) {
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
    return "'" + s;
  return s;
}

std::string Number(double v, bool decimal_comma) {
  char buf[64];
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.10g", v);
  }
  std::string s = buf;
  if (decimal_comma)
    for (auto& c : s)
      if (c == '.') c = ',';
  return s;
}

class CsvWriter : public TableWriter {
 public:
  CsvWriter(bool dutch, const std::string& naam, std::vector<std::string> kolommen)
      : TableWriter("text/csv; charset=utf-8", naam + (dutch ? "-excel.csv" : ".csv"), std::move(kolommen)),
        dutch_(dutch) {}

  Status Add(const std::vector<ExportCell>& row, std::string* out) override {
    Header(out);
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) *out += Sep();
      if (const auto* s = std::get_if<std::string>(&row[i])) Field(Defuse(*s), out);
      if (const auto* d = std::get_if<double>(&row[i])) *out += Number(*d, dutch_);
    }
    *out += Eol();
    return Status::Ok();
  }

  Result<bool> Finish(std::string* out) override {
    Header(out);
    return true;
  }

 private:
  char Sep() const { return dutch_ ? ';' : ','; }
  const char* Eol() const { return dutch_ ? "\r\n" : "\n"; }

  void Field(const std::string& s, std::string* out) const {
    if (s.find_first_of(std::string(1, Sep()) + "\"\r\n") == std::string::npos) {
      *out += s;
      return;
    }
    *out += '"';
    for (char c : s) *out += c == '"' ? std::string("\"\"") : std::string(1, c);
    *out += '"';
  }

  void Header(std::string* out) {
    if (header_written_) return;
    header_written_ = true;
    if (dutch_) *out += "\xef\xbb\xbf";
    for (size_t i = 0; i < kolommen_.size(); ++i) {
      if (i) *out += Sep();
      Field(kolommen_[i], out);
    }
    *out += Eol();
  }

  bool dutch_;
  bool header_written_ = false;
};

class JsonWriter : public TableWriter {
 public:
  JsonWriter(const std::string& naam, std::vector<std::string> kolommen)
      : TableWriter("application/json", naam + ".json", std::move(kolommen)) {}

  Status Add(const std::vector<ExportCell>& row, std::string* out) override {
    nlohmann::json o = nlohmann::json::object();
    for (size_t i = 0; i < row.size() && i < kolommen_.size(); ++i) {
      if (const auto* s = std::get_if<std::string>(&row[i])) o[kolommen_[i]] = *s;
      else if (const auto* d = std::get_if<double>(&row[i])) o[kolommen_[i]] = *d;
      else o[kolommen_[i]] = nullptr;
    }
    *out += first_ ? "[" : ",";
    first_ = false;
    *out += o.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return Status::Ok();
  }

  Result<bool> Finish(std::string* out) override {
    *out += first_ ? "[]" : "]";
    first_ = false;
    return true;
  }

 private:
  bool first_ = true;
};

// libxlsxwriter writes to a file: a private temporary one, removed with the
// writer. In constant-memory mode it keeps only the current row in memory.
class XlsxWriter : public TableWriter {
 public:
  XlsxWriter(const std::string& naam, std::vector<std::string> kolommen)
      : TableWriter("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", naam + ".xlsx",
                    std::move(kolommen)),
        sheet_name_(naam.substr(0, 31)) {}

  ~XlsxWriter() override {
    if (workbook_) workbook_close(workbook_);
    if (file_) std::fclose(file_);
    if (!path_.empty()) std::remove(path_.c_str());
  }

  Status Start() {
    dir_ = std::filesystem::temp_directory_path().string();
    path_ = dir_ + "/koers-export-XXXXXX";
    int fd = mkstemp(path_.data());
    if (fd < 0) {
      path_.clear();
      return IoError("Het Excel-bestand kon niet worden gemaakt.");
    }
    close(fd);
    lxw_workbook_options options = {};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = dir_.data();
    workbook_ = workbook_new_opt(path_.c_str(), &options);
    if (!workbook_) return IoError("Het Excel-bestand kon niet worden gemaakt.");
    sheet_ = workbook_add_worksheet(workbook_, sheet_name_.c_str());
    lxw_format* bold = workbook_add_format(workbook_);
    format_set_bold(bold);
    for (size_t c = 0; c < kolommen_.size(); ++c)
      worksheet_write_string(sheet_, 0, static_cast<lxw_col_t>(c), kolommen_[c].c_str(), bold);
    return Status::Ok();
  }

  Status Add(const std::vector<ExportCell>& row, std::string*) override {
    auto r = static_cast<lxw_row_t>(++rows_);
    for (size_t c = 0; c < row.size(); ++c) {
      auto col = static_cast<lxw_col_t>(c);
      // write_string never makes a formula, so no defusing is needed here.
      if (const auto* s = std::get_if<std::string>(&row[c])) worksheet_write_string(sheet_, r, col, s->c_str(), nullptr);
      if (const auto* d = std::get_if<double>(&row[c])) worksheet_write_number(sheet_, r, col, *d, nullptr);
    }
    return Status::Ok();
  }

  Result<bool> Finish(std::string* out) override {
    if (workbook_) {
      if (!kolommen_.empty()) {
        worksheet_freeze_panes(sheet_, 1, 0);
        worksheet_autofilter(sheet_, 0, 0, static_cast<lxw_row_t>(rows_), static_cast<lxw_col_t>(kolommen_.size() - 1));
      }
      lxw_error closed = workbook_close(workbook_);
      workbook_ = nullptr;
      if (closed != LXW_NO_ERROR) return IoError("Het Excel-bestand kon niet worden geschreven.");
      file_ = std::fopen(path_.c_str(), "rb");
      if (!file_) return IoError("Het Excel-bestand kon niet worden gelezen.");
    }
    char buf[64 * 1024];
    size_t n = std::fread(buf, 1, sizeof buf, file_);
    if (n == 0 && std::ferror(file_)) return IoError("Het Excel-bestand kon niet worden gelezen.");
    out->append(buf, n);
    return n < sizeof buf;
  }

 private:
  std::string sheet_name_, dir_, path_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  std::FILE* file_ = nullptr;
  size_t rows_ = 0;
};

}  // namespace

Result<std::unique_ptr<TableWriter>> TableWriter::Open(const std::string& formaat, const std::string& naam,
                                                       std::vector<std::string> kolommen) {
  if (formaat == "csv-nl" || formaat == "csv")
    return std::unique_ptr<TableWriter>(new CsvWriter(formaat == "csv-nl", naam, std::move(kolommen)));
  if (formaat == "json") return std::unique_ptr<TableWriter>(new JsonWriter(naam, std::move(kolommen)));
  if (formaat == "xlsx") {
    auto writer = std::make_unique<XlsxWriter>(naam, std::move(kolommen));
    Status st = writer->Start();
    if (!st.ok()) return st.error();
    return std::unique_ptr<TableWriter>(std::move(writer));
  }
  return Invalid("Onbekend exportformaat.", {{"formaat", "kies uit: csv-nl, csv, xlsx, json"}});
}

}  // namespace koers
