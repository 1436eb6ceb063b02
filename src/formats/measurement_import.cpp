#include "formats/measurement_import.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <algorithm>
#include <unordered_map>

#include "core/text.hpp"

namespace koers {
namespace {

// Column names people use for each field.
std::string FieldOf(const std::string& header) {
  static const std::unordered_map<std::string, std::string> kNames = {
      {"periode", "periode"}, {"period", "periode"},     {"jaar", "periode"},     {"maand", "periode"},
      {"kwartaal", "periode"}, {"gebied", "gebied"},     {"gebiedscode", "gebied"}, {"code", "gebied"},
      {"regio", "gebied"},    {"gemeente", "gebied"},    {"gemeentecode", "gebied"}, {"wijk", "gebied"},
      {"wijkcode", "gebied"}, {"buurt", "gebied"},       {"buurtcode", "gebied"}, {"waarde", "waarde"},
      {"value", "waarde"},    {"aantal", "aantal"},      {"aantal personen", "aantal"}, {"personen", "aantal"},
      {"n", "aantal"}};
  auto it = kNames.find(AsciiLower(Trim(header)));
  return it == kNames.end() ? "" : it->second;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "1.234.567" (groups of three after the first).
bool ThousandsGrouped(std::string_view s) {
  auto parts = Split(std::string(s), '.');
  if (parts.size() < 2 || parts[0].empty() || parts[0].size() > 3 || !AllDigits(parts[0])) return false;
  for (size_t i = 1; i < parts.size(); ++i)
    if (parts[i].size() != 3 || !AllDigits(parts[i])) return false;
  return true;
}

}  // namespace

bool ParseNumber(const std::string& cell, bool decimal_comma, double* out) {
  std::string s;
  for (size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == ' ') continue;
    if (cell.compare(i, 2, "\xc2\xa0") == 0) {  // no-break space as thousands separator
      ++i;
      continue;
    }
    s += cell[i];
  }
  if (s.empty()) return false;
  std::string_view body = s;
  bool negative = false;
  if (body[0] == '-' || body[0] == '+') {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  std::string plain;
  if (decimal_comma) {
    size_t comma = body.find(',');
    std::string_view whole = body.substr(0, comma);
    std::string_view frac = comma == std::string_view::npos ? std::string_view() : body.substr(comma + 1);
    if (comma != std::string_view::npos && (!AllDigits(frac) || frac.find(',') != std::string_view::npos)) return false;
    if (whole.find('.') != std::string_view::npos) {
      if (!ThousandsGrouped(whole)) return false;
      std::string w;
      for (char c : whole)
        if (c != '.') w += c;
      plain = w;
    } else {
      if (!AllDigits(whole)) return false;
      plain = std::string(whole);
    }
    if (comma != std::string_view::npos) plain += "." + std::string(frac);
  } else {
    // Machine numbers: digits, one '.', an optional exponent (Excel writes 1E-3).
    for (char c : body)
      if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+'))
        return false;
    if (body.empty() || !std::isdigit(static_cast<unsigned char>(body[0]))) return false;
    plain = std::string(body);
  }
  double v = 0;
  auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), v);
  if (ec != std::errc() || end != plain.data() + plain.size() || !std::isfinite(v)) return false;
  *out = negative ? -v : v;
  return true;
}

ParsedMeasurements ParseMeasurements(const TextTable& table, const Indicator& indicator, const AreaCodes* known) {
  ParsedMeasurements out;
  auto problem = [&](int regel, std::string veld, std::string melding) {
    ++out.aantal_fouten;
    if (out.fouten.size() < kMaxRowProblems) out.fouten.push_back({regel, std::move(veld), std::move(melding)});
  };
  if (table.rows.empty()) {
    problem(1, "", "het bestand heeft geen kopregel");
    return out;
  }
  const int header_line = table.regels.empty() ? 1 : table.regels[0];
  int col[4] = {-1, -1, -1, -1};  // periode, gebied, waarde, aantal
  const char* names[4] = {"periode", "gebied", "waarde", "aantal"};
  for (size_t i = 0; i < table.rows[0].size(); ++i) {
    std::string field = FieldOf(table.rows[0][i]);
    int* slot = nullptr;
    for (int k = 0; k < 4; ++k)
      if (field == names[k]) slot = &col[k];
    if (!slot) {
      out.genegeerde_kolommen.push_back(table.rows[0][i]);
    } else if (*slot >= 0) {
      problem(header_line, field, "de kolom '" + field + "' staat twee keer in de kopregel");
    } else {
      *slot = static_cast<int>(i);
    }
  }
  const bool areas = indicator.gebiedsniveau != "geen";
  if (col[0] < 0) problem(header_line, "periode", "de kolom 'periode' ontbreekt in de kopregel");
  if (col[2] < 0) problem(header_line, "waarde", "de kolom 'waarde' ontbreekt in de kopregel");
  if (areas && col[1] < 0)
    problem(header_line, "gebied", "de kolom 'gebied' ontbreekt; deze indicator wordt per " + indicator.gebiedsniveau +
                                       "-gebied gemeten");
  if (out.aantal_fouten > 0) return out;

  const bool decimal_comma = table.decimale_komma && !table.uit_xlsx;
  std::vector<int> lines;  // of each measurement
  lines.reserve(table.rows.size() - 1);
  out.metingen.reserve(table.rows.size() - 1);
  for (size_t r = 1; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    const int line = table.regels[r];
    ++out.regels;
    auto cell = [&](int c) -> std::string { return c >= 0 && static_cast<size_t>(c) < row.size() ? row[c] : ""; };
    Measurement m;
    m.indicator_id = indicator.id;
    m.periode = cell(col[0]);
    for (auto& c : m.periode) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    m.gebied = cell(col[1]);
    for (auto& c : m.gebied) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const int64_t before = out.aantal_fouten;
    std::string waarde = cell(col[2]);
    if (waarde.empty()) {
      problem(line, "waarde", "is leeg");
    } else if (!ParseNumber(waarde, decimal_comma, &m.waarde)) {
      problem(line, "waarde", "'" + waarde + "' is geen getal" +
                                  (decimal_comma ? " (gebruik een komma als decimaalteken, zoals 12,5)" : ""));
    }
    std::string aantal = cell(col[3]);
    if (!aantal.empty()) {
      double n = 0;
      if (!ParseNumber(aantal, decimal_comma, &n) || n < 0 || n != std::floor(n) || n > 1e12) {
        problem(line, "aantal", "'" + aantal + "' is geen geheel aantal personen");
      } else {
        m.aantal = static_cast<int64_t>(n);
      }
    }
    for (auto& p : Validate(m, indicator, known)) {
      if (p.field == "waarde" && out.aantal_fouten > before) continue;  // already said
      problem(line, p.field, p.message);
    }
    if (out.aantal_fouten > before) continue;
    out.metingen.push_back(std::move(m));
    lines.push_back(line);
  }
  if (out.regels == 0) problem(header_line, "", "het bestand heeft geen regels onder de kopregel");

  // One value per period and area: sorting finds pairs that occur twice
  // without a key per row (a million rows stay cheap).
  std::vector<uint32_t> order(out.metingen.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto& ms = out.metingen;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (int c = ms[a].periode.compare(ms[b].periode); c != 0) return c < 0;
    if (int c = ms[a].gebied.compare(ms[b].gebied); c != 0) return c < 0;
    return a < b;
  });
  std::vector<bool> duplicate(ms.size(), false);
  size_t run_start = 0;  // the earliest line of a run of equal pairs
  for (size_t i = 1; i < order.size(); ++i) {
    const Measurement& prev = ms[order[i - 1]];
    const Measurement& cur = ms[order[i]];
    if (cur.periode != prev.periode || cur.gebied != prev.gebied) {
      run_start = i;
      continue;
    }
    const size_t first = run_start;
    duplicate[order[i]] = true;
    problem(lines[order[i]], "periode",
            "periode " + cur.periode + (cur.gebied.empty() ? "" : " en gebied " + cur.gebied) + " staan al op regel " +
                std::to_string(lines[order[first]]));
  }
  if (std::find(duplicate.begin(), duplicate.end(), true) != duplicate.end()) {
    std::vector<Measurement> kept;
    kept.reserve(ms.size());
    for (size_t i = 0; i < ms.size(); ++i)
      if (!duplicate[i]) kept.push_back(std::move(out.metingen[i]));
    out.metingen = std::move(kept);
    std::stable_sort(out.fouten.begin(), out.fouten.end(),
                     [](const RowProblem& a, const RowProblem& b) { return a.regel < b.regel; });
  }
  return out;
}

}  // namespace koers
