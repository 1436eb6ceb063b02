// CSV and .xlsx into a TextTable. CSV is read by hand (RFC 4180 plus what
// Excel does: BOM, ';', CRLF); .xlsx is a zip of XML parts, opened with
// libzip from memory and parsed with expat, with a budget on the unpacked
// bytes so a zip bomb stops early.
#include "formats/table_reader.hpp"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

#include "core/text.hpp"

namespace koers {
namespace {

constexpr size_t kMaxProblems = 20;

Error TooLarge(const std::string& message) {
  Error e = Invalid(message);
  e.kind = ErrorKind::kTooLarge;
  return e;
}

std::string Line(int n) { return "regel " + std::to_string(n); }

// Drops trailing empty cells beyond the header's width (Excel adds them)
// and reports rows that are still ragged.
Status Square(TextTable* t, const char* unit) {
  if (t->rows.empty()) return Invalid("Het bestand is leeg: er staat geen kopregel in.");
  while (!t->rows[0].empty() && Trim(t->rows[0].back()).empty()) t->rows[0].pop_back();
  const size_t header = t->rows[0].size();
  if (header == 0) return Invalid("De kopregel is leeg.");
  std::vector<FieldProblem> problems;
  for (size_t i = 1; i < t->rows.size(); ++i) {
    auto& row = t->rows[i];
    while (row.size() > header && Trim(row.back()).empty()) row.pop_back();
    if (row.size() != header && problems.size() < kMaxProblems) {
      // xlsx rows end at their last filled cell: shorter is fine there.
      if (t->uit_xlsx && row.size() < header) {
        row.resize(header);
        continue;
      }
      problems.push_back({std::string(unit) + " " + std::to_string(t->regels[i]),
                          "heeft " + std::to_string(row.size()) + " velden, de kopregel " + std::to_string(header)});
    }
  }
  if (!problems.empty())
    return Invalid("Niet elke regel heeft evenveel velden als de kopregel; het bestand is niet ingelezen.",
                   std::move(problems));
  return Status::Ok();
}

bool BlankRow(const std::vector<std::string>& row) {
  return std::all_of(row.begin(), row.end(), [](const std::string& c) { return Trim(c).empty(); });
}

// --- CSV ----------------------------------------------------------------------

// Line number of the first invalid UTF-8 sequence, 0 when valid.
int FirstBadUtf8Line(std::string_view s) {
  int line = 1;
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n') ++line;
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size() || !IsValidUtf8(s.substr(i, n))) return line;
    i += n;
  }
  return 0;
}

char DetectDelimiter(std::string_view bytes) {
  size_t semi = 0, comma = 0, tab = 0;
  bool quoted = false;
  for (char c : bytes) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    semi += c == ';';
    comma += c == ',';
    tab += c == '\t';
  }
  if (tab > semi && tab > comma) return '\t';
  return comma > semi ? ',' : ';';
}

}  // namespace

Result<TextTable> ReadCsv(std::string_view bytes) {
  if (bytes.size() > kMaxTableBytes)
    return TooLarge("Het bestand is groter dan " + std::to_string(kMaxTableBytes >> 20) + " MB.");
  if (bytes.size() >= 2 && ((bytes[0] == '\xff' && bytes[1] == '\xfe') || (bytes[0] == '\xfe' && bytes[1] == '\xff')))
    return Invalid(
        "Het bestand is opgeslagen als UTF-16 (Unicode-tekst). Sla het in Excel op als 'CSV UTF-8 (door "
        "lijstscheidingsteken gescheiden)'.");
  if (bytes.substr(0, 3) == "\xef\xbb\xbf") bytes.remove_prefix(3);
  if (bytes.find('\0') != std::string_view::npos)
    return Invalid("Dit is geen tekstbestand (CSV): er staan binaire tekens in.");
  if (int line = FirstBadUtf8Line(bytes); line > 0)
    return Invalid("Het bestand is geen UTF-8-tekst (eerste fout op " + Line(line) +
                   "). Sla het in Excel op als 'CSV UTF-8 (door lijstscheidingsteken gescheiden)'.");

  TextTable t;
  const char delim = DetectDelimiter(bytes);
  t.decimale_komma = delim == ';';
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, was_quoted = false;
  int line = 1, row_line = 1;
  size_t i = 0;
  auto end_cell = [&]() -> Status {
    if (cell.size() > kMaxCellBytes)
      return Invalid("Een veld op " + Line(row_line) + " is langer dan " + std::to_string(kMaxCellBytes) + " tekens.");
    row.push_back(std::move(cell));
    cell.clear();
    was_quoted = false;
    if (row.size() > kMaxTableColumns)
      return Invalid("Op " + Line(row_line) + " staan meer dan " + std::to_string(kMaxTableColumns) + " kolommen.");
    return Status::Ok();
  };
  auto end_row = [&]() -> Status {
    if (Status st = end_cell(); !st.ok()) return st;
    if (!BlankRow(row)) {
      if (t.rows.size() >= kMaxTableRows + 1)
        return TooLarge("Het bestand heeft meer dan " + std::to_string(kMaxTableRows) + " regels.");
      t.rows.push_back(std::move(row));
      t.regels.push_back(row_line);
    }
    row.clear();
    row_line = line;
    return Status::Ok();
  };
  while (i < bytes.size()) {
    const char c = bytes[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < bytes.size() && bytes[i + 1] == '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        ++i;
        continue;
      }
      if (c == '\n') ++line;
      cell += c;
      if (cell.size() > kMaxCellBytes)
        return Invalid("Een veld vanaf " + Line(row_line) + " is langer dan " + std::to_string(kMaxCellBytes) +
                       " tekens; staat er ergens een aanhalingsteken (\") dat niet gesloten wordt?");
      ++i;
      continue;
    }
    if (c == '"') {
      if (!Trim(cell).empty() || was_quoted)
        return Invalid("Op " + Line(line) + " staat een aanhalingsteken (\") midden in een veld.");
      cell.clear();
      quoted = was_quoted = true;
      ++i;
      continue;
    }
    if (c == delim) {
      if (Status st = end_cell(); !st.ok()) return st.error();
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      i += (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ? 2 : 1;
      ++line;
      if (Status st = end_row(); !st.ok()) return st.error();
      continue;
    }
    if (was_quoted) return Invalid("Op " + Line(line) + " staat tekst na het sluitende aanhalingsteken van een veld.");
    cell += c;
    ++i;
  }
  if (quoted) return Invalid("Het aanhalingsteken (\") dat op " + Line(row_line) + " opent, wordt nergens gesloten.");
  if (!cell.empty() || !row.empty()) {
    if (Status st = end_row(); !st.ok()) return st.error();
  }
  for (auto& r : t.rows)
    for (auto& c : r) c = Trim(c);
  if (Status st = Square(&t, "regel"); !st.ok()) return st.error();
  return t;
}

// --- XLSX ---------------------------------------------------------------------

namespace {

// Reads whole zip entries within one budget for all unpacked bytes together.
class ZipReader {
 public:
  ~ZipReader() {
    if (zip_) zip_discard(zip_);
  }
  Status Open(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (src) zip_ = zip_open_from_source(src, ZIP_RDONLY, &error);
    if (!zip_) {
      if (src) zip_source_free(src);
      zip_error_fini(&error);
      return NotXlsx();
    }
    zip_error_fini(&error);
    if (zip_get_num_entries(zip_, 0) > 10000) return NotXlsx();
    return Status::Ok();
  }
  bool Has(const std::string& name) const { return zip_name_locate(zip_, name.c_str(), 0) >= 0; }
  // The unpacked entry; an error when it is missing (and `required`), damaged
  // or over the budget.
  Result<std::string> Read(const std::string& name, bool required = true) {
    zip_int64_t index = zip_name_locate(zip_, name.c_str(), 0);
    if (index < 0) {
      if (!required) return std::string();
      return Invalid("Dit .xlsx-bestand mist een onderdeel (" + name + "); sla het opnieuw op in Excel.");
    }
    zip_file_t* f = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
    if (!f) return NotXlsx().error();
    std::string out;
    char buf[65536];
    for (;;) {
      zip_int64_t n = zip_fread(f, buf, sizeof buf);
      if (n < 0) {
        zip_fclose(f);
        return NotXlsx().error();
      }
      if (n == 0) break;
      used_ += static_cast<size_t>(n);
      if (used_ > kMaxUnzippedBytes) {
        zip_fclose(f);
        return TooLarge("Uitgepakt is dit .xlsx-bestand groter dan " + std::to_string(kMaxUnzippedBytes >> 20) +
                        " MB; het wordt niet ingelezen.");
      }
      out.append(buf, static_cast<size_t>(n));
    }
    zip_fclose(f);
    return out;
  }

 private:
  static Status NotXlsx() {
    return Invalid("Dit is geen leesbaar .xlsx-bestand (het zip-archief is beschadigd of onvolledig).");
  }
  zip_t* zip_ = nullptr;
  size_t used_ = 0;
};

// A small SAX wrapper: element starts and ends with the text in between.
// Documents with a DOCTYPE are refused (no entities from outside).
class Xml {
 public:
  virtual ~Xml() = default;
  Status Parse(const std::string& text, const std::string& part) {
    std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> p(XML_ParserCreate("UTF-8"), XML_ParserFree);
    if (!p) return IoError("Geen geheugen om het bestand te lezen.");
    parser_ = p.get();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(
        parser_,
        [](void* self, const XML_Char* name, const XML_Char** attrs) {
          auto* x = static_cast<Xml*>(self);
          if (x->failed_.ok()) x->Start(LocalName(name), attrs);
          if (!x->failed_.ok()) XML_StopParser(x->parser_, XML_FALSE);
        },
        [](void* self, const XML_Char* name) {
          auto* x = static_cast<Xml*>(self);
          if (x->failed_.ok()) x->End(LocalName(name));
          if (!x->failed_.ok()) XML_StopParser(x->parser_, XML_FALSE);
        });
    XML_SetCharacterDataHandler(parser_, [](void* self, const XML_Char* s, int len) {
      auto* x = static_cast<Xml*>(self);
      if (x->collect_) {
        x->text_.append(s, static_cast<size_t>(len));
        if (x->text_.size() > kMaxCellBytes * 4) {
          x->failed_ = Invalid("Een cel in het .xlsx-bestand is langer dan " + std::to_string(kMaxCellBytes) + " tekens.");
          XML_StopParser(x->parser_, XML_FALSE);
        }
      }
    });
    XML_SetStartDoctypeDeclHandler(parser_, [](void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
      auto* x = static_cast<Xml*>(self);
      x->failed_ = Invalid("Dit .xlsx-bestand bevat een DOCTYPE; dat komt in echte Excel-bestanden niet voor.");
      XML_StopParser(x->parser_, XML_FALSE);
    });
    if (XML_Parse(parser_, text.data(), static_cast<int>(text.size()), XML_TRUE) == XML_STATUS_ERROR) {
      if (!failed_.ok()) return failed_;
      return Invalid("Dit .xlsx-bestand is beschadigd: " + part + " is geen geldige XML (regel " +
                     std::to_string(XML_GetCurrentLineNumber(parser_)) + ").");
    }
    return failed_;
  }

 protected:
  virtual void Start(std::string_view name, const XML_Char** attrs) = 0;
  virtual void End(std::string_view name) = 0;
  static std::string_view Attr(const XML_Char** attrs, std::string_view name) {
    for (int i = 0; attrs[i]; i += 2)
      if (LocalName(attrs[i]) == name) return attrs[i + 1];
    return {};
  }
  void Collect() {
    collect_ = true;
    text_.clear();
  }
  std::string TakeText() {
    collect_ = false;
    return std::move(text_);
  }
  Status failed_ = Status::Ok();

 private:
  static std::string_view LocalName(std::string_view n) {
    size_t colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
  }
  XML_Parser parser_ = nullptr;
  bool collect_ = false;
  std::string text_;
};

// xl/workbook.xml: the relationship id of the first sheet.
class WorkbookXml : public Xml {
 public:
  std::string first_sheet_rid;

 protected:
  void Start(std::string_view name, const XML_Char** attrs) override {
    if (name == "sheet" && first_sheet_rid.empty()) first_sheet_rid = std::string(Attr(attrs, "id"));
  }
  void End(std::string_view) override {}
};

// xl/_rels/workbook.xml.rels: relationship id -> target part.
class RelsXml : public Xml {
 public:
  std::map<std::string, std::string> targets;

 protected:
  void Start(std::string_view name, const XML_Char** attrs) override {
    if (name == "Relationship") targets[std::string(Attr(attrs, "Id"))] = std::string(Attr(attrs, "Target"));
  }
  void End(std::string_view) override {}
};

// xl/sharedStrings.xml: the texts of <si> items (rich-text runs joined,
// phonetic hints left out).
class SharedStringsXml : public Xml {
 public:
  std::vector<std::string> items;

 protected:
  void Start(std::string_view name, const XML_Char**) override {
    if (name == "si") current_.clear();
    if (name == "rPh") ++phonetic_;
    if (name == "t" && phonetic_ == 0) Collect();
  }
  void End(std::string_view name) override {
    if (name == "t" && phonetic_ == 0) current_ += TakeText();
    if (name == "rPh") --phonetic_;
    if (name == "si") {
      if (items.size() >= kMaxTableRows * 4) {
        failed_ = TooLarge("Dit .xlsx-bestand heeft te veel teksten.");
        return;
      }
      items.push_back(std::move(current_));
    }
  }

 private:
  std::string current_;
  int phonetic_ = 0;
};

// xl/styles.xml: which cell styles show numbers as dates.
class StylesXml : public Xml {
 public:
  std::vector<bool> is_date;  // per cellXfs index

 protected:
  void Start(std::string_view name, const XML_Char** attrs) override {
    if (name == "numFmt") {
      std::string code(Attr(attrs, "formatCode"));
      date_formats_[std::string(Attr(attrs, "numFmtId"))] = LooksLikeDate(code);
    }
    if (name == "cellXfs") in_xfs_ = true;
    if (name == "xf" && in_xfs_) {
      std::string id(Attr(attrs, "numFmtId"));
      int n = std::atoi(id.c_str());
      bool date = (n >= 14 && n <= 22) || (n >= 45 && n <= 47);
      if (auto it = date_formats_.find(id); it != date_formats_.end()) date = it->second;
      if (is_date.size() < 65536) is_date.push_back(date);
    }
  }
  void End(std::string_view name) override {
    if (name == "cellXfs") in_xfs_ = false;
  }

 private:
  // A custom format is a date when it holds d, m or y outside quotes and
  // brackets ("[Red]", "\"kg\"").
  static bool LooksLikeDate(const std::string& code) {
    bool quoted = false, bracket = false;
    for (char c : code) {
      if (c == '"') quoted = !quoted;
      else if (!quoted && c == '[') bracket = true;
      else if (!quoted && c == ']') bracket = false;
      else if (!quoted && !bracket && (c == 'd' || c == 'y' || c == 'D' || c == 'Y')) return true;
    }
    return false;
  }
  std::map<std::string, bool> date_formats_;
  bool in_xfs_ = false;
};

// Excel's serial day (1900 system) as an ISO date; the first of a month is
// written as the month (Excel turns a typed "2024-07" into 1 July 2024).
std::string SerialToDate(double serial) {
  if (!(serial >= 1 && serial < 2958466)) return {};
  long days = static_cast<long>(std::floor(serial));
  if (days >= 60) --days;  // Excel's phantom 29 February 1900
  // Days since 1899-12-31 to civil date (Howard Hinnant's algorithm).
  long z = days - 25568 + 719468;  // days since 1970-01-01, shifted to start at 0000-03-01
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[64];
  if (d == 1) std::snprintf(buf, sizeof buf, "%04ld-%02ld", y, m);
  else std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
  return buf;
}

// The first worksheet's cells.
class SheetXml : public Xml {
 public:
  SheetXml(const std::vector<std::string>& strings, const std::vector<bool>& dates, TextTable* table)
      : strings_(strings), dates_(dates), t_(table) {}

 protected:
  void Start(std::string_view name, const XML_Char** attrs) override {
    if (name == "row") {
      std::string r(Attr(attrs, "r"));
      row_number_ = r.empty() ? row_number_ + 1 : std::atoi(r.c_str());
      if (row_number_ <= 0 || row_number_ > static_cast<int>(kMaxTableRows) + 1) {
        failed_ = TooLarge("Het werkblad heeft meer dan " + std::to_string(kMaxTableRows) + " rijen.");
        return;
      }
      row_.clear();
      next_column_ = 0;
    } else if (name == "c") {
      std::string_view ref = Attr(attrs, "r");
      int col = 0;
      size_t letters = 0;
      for (char ch : ref) {
        if (ch < 'A' || ch > 'Z') break;
        col = col * 26 + (ch - 'A' + 1);
        ++letters;
        if (col > 16384) break;
      }
      column_ = letters > 0 ? col - 1 : next_column_;
      next_column_ = column_ + 1;
      type_ = std::string(Attr(attrs, "t"));
      std::string s(Attr(attrs, "s"));
      style_ = s.empty() ? 0 : std::atoi(s.c_str());
      value_.clear();
    } else if (name == "v" || (name == "t" && type_ == "inlineStr")) {
      Collect();
    }
  }
  void End(std::string_view name) override {
    if (name == "v" || (name == "t" && type_ == "inlineStr")) {
      value_ += TakeText();
    } else if (name == "c") {
      std::string cell;
      if (type_ == "s") {
        char* end = nullptr;
        long index = std::strtol(value_.c_str(), &end, 10);
        if (value_.empty() || *end != '\0' || index < 0 || static_cast<size_t>(index) >= strings_.size()) {
          failed_ = Invalid("Dit .xlsx-bestand is beschadigd: een cel verwijst naar een tekst die niet bestaat (rij " +
                            std::to_string(row_number_) + ").");
          return;
        }
        cell = strings_[static_cast<size_t>(index)];
      } else if (type_ == "b") {
        cell = value_ == "1" ? "WAAR" : "ONWAAR";
      } else if (type_.empty() || type_ == "n") {
        cell = value_;
        if (style_ >= 0 && static_cast<size_t>(style_) < dates_.size() && dates_[static_cast<size_t>(style_)]) {
          char* end = nullptr;
          double serial = std::strtod(value_.c_str(), &end);
          if (!value_.empty() && *end == '\0') {
            std::string date = SerialToDate(serial);
            if (!date.empty()) cell = date;
          }
        }
      } else {
        cell = value_;  // str, inlineStr, e (error codes such as #DEEL/0!)
      }
      if (Trim(cell).empty()) return;
      if (column_ >= static_cast<int>(kMaxTableColumns)) {
        failed_ = Invalid("Het werkblad heeft gegevens voorbij kolom " + std::to_string(kMaxTableColumns) + " (rij " +
                          std::to_string(row_number_) + ").");
        return;
      }
      if (cell.size() > kMaxCellBytes) {
        failed_ = Invalid("Een cel in rij " + std::to_string(row_number_) + " is langer dan " +
                          std::to_string(kMaxCellBytes) + " tekens.");
        return;
      }
      if (row_.size() <= static_cast<size_t>(column_)) row_.resize(static_cast<size_t>(column_) + 1);
      row_[static_cast<size_t>(column_)] = Trim(cell);
    } else if (name == "row") {
      if (BlankRow(row_)) return;
      if (!t_->regels.empty() && row_number_ <= t_->regels.back()) {
        failed_ = Invalid("Dit .xlsx-bestand is beschadigd: de rijen staan niet op volgorde.");
        return;
      }
      t_->rows.push_back(std::move(row_));
      t_->regels.push_back(row_number_);
      row_.clear();
    }
  }

 private:
  const std::vector<std::string>& strings_;
  const std::vector<bool>& dates_;
  TextTable* t_;
  std::vector<std::string> row_;
  int row_number_ = 0;
  int column_ = 0, next_column_ = 0;
  std::string type_;
  int style_ = 0;
  std::string value_;
};

// "worksheets/sheet1.xml" or "/xl/worksheets/sheet1.xml" to a zip entry name.
std::string PartName(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return "xl/" + target;
}

}  // namespace

Result<TextTable> ReadXlsx(std::string_view bytes) {
  if (bytes.size() > kMaxTableBytes)
    return TooLarge("Het bestand is groter dan " + std::to_string(kMaxTableBytes >> 20) + " MB.");
  ZipReader zip;
  if (Status st = zip.Open(bytes); !st.ok()) return st.error();
  if (!zip.Has("xl/workbook.xml"))
    return Invalid("Dit zip-bestand is geen Excel-werkmap (.xlsx): xl/workbook.xml ontbreekt.");

  std::string sheet = "xl/worksheets/sheet1.xml";
  {
    auto text = zip.Read("xl/workbook.xml");
    if (!text.ok()) return text.error();
    WorkbookXml wb;
    if (Status st = wb.Parse(text.value(), "xl/workbook.xml"); !st.ok()) return st.error();
    auto rels_text = zip.Read("xl/_rels/workbook.xml.rels", false);
    if (!rels_text.ok()) return rels_text.error();
    if (!rels_text.value().empty() && !wb.first_sheet_rid.empty()) {
      RelsXml rels;
      if (Status st = rels.Parse(rels_text.value(), "xl/_rels/workbook.xml.rels"); !st.ok()) return st.error();
      if (auto it = rels.targets.find(wb.first_sheet_rid); it != rels.targets.end()) sheet = PartName(it->second);
    }
  }
  SharedStringsXml strings;
  {
    auto text = zip.Read("xl/sharedStrings.xml", false);
    if (!text.ok()) return text.error();
    if (!text.value().empty()) {
      if (Status st = strings.Parse(text.value(), "xl/sharedStrings.xml"); !st.ok()) return st.error();
    }
  }
  StylesXml styles;
  {
    auto text = zip.Read("xl/styles.xml", false);
    if (!text.ok()) return text.error();
    if (!text.value().empty()) {
      if (Status st = styles.Parse(text.value(), "xl/styles.xml"); !st.ok()) return st.error();
    }
  }
  TextTable t;
  t.uit_xlsx = true;
  {
    auto text = zip.Read(sheet);
    if (!text.ok()) return text.error();
    SheetXml reader(strings.items, styles.is_date, &t);
    if (Status st = reader.Parse(text.value(), sheet); !st.ok()) return st.error();
  }
  if (Status st = Square(&t, "rij"); !st.ok()) return st.error();
  return t;
}

Result<TextTable> ReadTable(std::string_view bytes) {
  if (bytes.substr(0, 2) == "PK") return ReadXlsx(bytes);
  return ReadCsv(bytes);
}

}  // namespace koers
