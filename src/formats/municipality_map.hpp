// The map of the municipalities, drawn without any tile server: the
// boundaries of data/geo/gemeentegrenzen_2024.geojson projected to a plane,
// simplified and written as SVG path data, once at start.
#pragma once

#include <memory>
#include <string>

#include "core/status.hpp"

namespace koers {

class MunicipalityMap {
 public:
  // Reads the GeoJSON of municipal boundaries (WGS84 lon/lat, features with
  // properties statcode and statnaam). kInvalid naming the problem for a
  // file that is not such a collection.
  static Result<MunicipalityMap> Load(const std::string& geojson_path);
  // Reads from text instead of a file (tests, fuzzing).
  static Result<MunicipalityMap> Parse(const std::string& geojson);

  // {"viewBox": "0 0 W H", "gemeenten": [{"code", "naam", "pad"}, ...]}
  const std::string& Json() const { return *json_; }
  // The same, shareable by responses without a copy.
  std::shared_ptr<const std::string> Body() const { return json_; }
  size_t size() const { return count_; }

 private:
  std::shared_ptr<const std::string> json_;
  size_t count_ = 0;
};

}  // namespace koers
