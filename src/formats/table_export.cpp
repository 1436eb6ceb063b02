#include "formats/table_export.hpp"

#include <xlsxwriter.h>

#include <cmath>
#include <cstdio>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/file_io.hpp"

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

std::string Csv(const ExportTable& t, bool dutch) {
  const char sep = dutch ? ';' : ',';
  const char* eol = dutch ? "\r\n" : "\n";
  std::string out = dutch ? "\xef\xbb\xbf" : "";
  auto field = [&](const std::string& s) {
    bool quote = s.find_first_of(std::string(1, sep) + "\"\r\n") != std::string::npos;
    if (!quote) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  for (size_t i = 0; i < t.kolommen.size(); ++i) out += (i ? std::string(1, sep) : "") + field(t.kolommen[i]);
  out += eol;
  for (const auto& row : t.rijen) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out += sep;
      if (const auto* s = std::get_if<std::string>(&row[i])) out += field(Defuse(*s));
      if (const auto* d = std::get_if<double>(&row[i])) out += Number(*d, dutch);
    }
    out += eol;
  }
  return out;
}

std::string Json(const ExportTable& t) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : t.rijen) {
    nlohmann::json o = nlohmann::json::object();
    for (size_t i = 0; i < row.size() && i < t.kolommen.size(); ++i) {
      if (const auto* s = std::get_if<std::string>(&row[i])) o[t.kolommen[i]] = *s;
      else if (const auto* d = std::get_if<double>(&row[i])) o[t.kolommen[i]] = *d;
      else o[t.kolommen[i]] = nullptr;
    }
    rows.push_back(std::move(o));
  }
  return rows.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<std::string> Xlsx(const ExportTable& t) {
  // libxlsxwriter writes to a file: a private temporary one, removed after.
  std::string dir = std::filesystem::temp_directory_path().string();
  std::string path = dir + "/koers-export-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) return IoError("Het Excel-bestand kon niet worden gemaakt.");
  close(fd);
  struct Remove {
    std::string p;
    ~Remove() { std::remove(p.c_str()); }
  } remove{path};
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = dir.data();
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) return IoError("Het Excel-bestand kon niet worden gemaakt.");
  std::string sheet_name = t.naam.substr(0, 31);
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name.c_str());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  for (size_t c = 0; c < t.kolommen.size(); ++c)
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t.kolommen[c].c_str(), bold);
  for (size_t r = 0; r < t.rijen.size(); ++r) {
    for (size_t c = 0; c < t.rijen[r].size(); ++c) {
      auto row = static_cast<lxw_row_t>(r + 1);
      auto col = static_cast<lxw_col_t>(c);
      // write_string never makes a formula, so no defusing is needed here.
      if (const auto* s = std::get_if<std::string>(&t.rijen[r][c])) worksheet_write_string(ws, row, col, s->c_str(), nullptr);
      if (const auto* d = std::get_if<double>(&t.rijen[r][c])) worksheet_write_number(ws, row, col, *d, nullptr);
    }
  }
  if (!t.kolommen.empty()) {
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.rijen.size()), static_cast<lxw_col_t>(t.kolommen.size() - 1));
  }
  if (workbook_close(wb) != LXW_NO_ERROR) return IoError("Het Excel-bestand kon niet worden geschreven.");
  return ReadFile(path, 512u << 20);
}

}  // namespace

Result<ExportFile> WriteExport(const ExportTable& t, const std::string& formaat) {
  ExportFile f;
  if (formaat == "csv-nl" || formaat == "csv") {
    f.content_type = "text/csv; charset=utf-8";
    f.bestandsnaam = t.naam + (formaat == "csv-nl" ? "-excel.csv" : ".csv");
    f.inhoud = Csv(t, formaat == "csv-nl");
  } else if (formaat == "xlsx") {
    f.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    f.bestandsnaam = t.naam + ".xlsx";
    auto bytes = Xlsx(t);
    if (!bytes.ok()) return bytes.error();
    f.inhoud = std::move(bytes).value();
  } else if (formaat == "json") {
    f.content_type = "application/json";
    f.bestandsnaam = t.naam + ".json";
    f.inhoud = Json(t);
  } else {
    return Invalid("Onbekend exportformaat.", {{"formaat", "kies uit: csv-nl, csv, xlsx, json"}});
  }
  return f;
}

}  // namespace koers
