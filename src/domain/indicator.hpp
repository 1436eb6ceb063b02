// Indicators and measurements: how an innovation's input, output and outcome
// are measured, per period and optionally per area (gemeente, wijk, buurt
// with their CBS codes), with the count of people behind a value so that
// small groups can be suppressed in public (domain/suppression.hpp).
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <unordered_set>
#include <string>
#include <vector>

#include "core/status.hpp"

namespace koers {

struct Indicator {
  int64_t id = 0;
  int64_t innovatie_id = 0;
  std::string naam;
  std::string soort;      // input | output | outcome
  std::string eenheid;    // "aantal", "%", "euro", "minuten", ...
  std::string richting;   // hoger | lager: which is better
  std::optional<double> basis_waarde;
  std::string basis_datum;  // YYYY-MM-DD
  std::optional<double> doel_waarde;
  std::string doel_datum;
  std::string bron;
  std::string gebiedsniveau = "geen";  // geen | GM | WK | BU
  std::optional<int> gebied_jaar;      // year of the area codes (CBS)
  int drempel = 10;                    // smallest count of people shown in public
  bool optelbaar = false;              // values add up across areas (counts, euros)
  int64_t versie = 0;
  std::string aangemaakt_op, gewijzigd_op;
};

struct Measurement {
  int64_t id = 0;
  int64_t indicator_id = 0;
  std::string periode;  // 2024, 2024-Q3 or 2024-07
  std::string gebied;   // area code, empty when the indicator has no area level
  double waarde = 0;
  std::optional<int64_t> aantal;  // count of people behind the value
  std::string gewijzigd_op;
};

// Area codes known to exist, by year (the CBS list shipped in data/cbs).
struct AreaCodes {
  int jaar = 0;
  std::unordered_set<std::string> codes;  // GM0344, WK034401, WK0363AA, ...
};

// ISO periods: a year (2024), a quarter (2024-Q3) or a month (2024-07).
bool IsPeriod(const std::string& p);
// "2024-Q3" sorts and compares by its first day; used for charts.
std::string PeriodStart(const std::string& p);

// Well-formed code of the level: GM + 4 digits, WK + 6, BU + 8.
bool IsAreaCode(const std::string& level, const std::string& code);

std::vector<FieldProblem> Validate(const Indicator& in);
// Problems of one measurement of `in`; `field` prefixes the names. Checks
// the code against `known` when the indicator's year is that list's year.
std::vector<FieldProblem> Validate(const Measurement& m, const Indicator& in, const AreaCodes* known,
                                   const std::string& field = "");

nlohmann::json ToJson(const Indicator& in);
std::vector<FieldProblem> FromJson(const nlohmann::json& j, Indicator* in);

}  // namespace koers
