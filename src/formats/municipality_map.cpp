#include "formats/municipality_map.hpp"

#include "core/file_io.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <climits>
#include <cmath>
#include <nlohmann/json.hpp>

namespace koers {
namespace {

namespace bg = boost::geometry;
using Point = bg::model::d2::point_xy<double>;
using Ring = bg::model::ring<Point>;
using nlohmann::json;

// Width of the drawing in SVG units; one unit is about 300 m.
constexpr double kWidth = 1000;
// Points closer than this to the simplified line are dropped (SVG units).
constexpr double kTolerance = 0.6;

struct Bounds {
  double min_lon = 1e9, max_lon = -1e9, min_lat = 1e9, max_lat = -1e9;
  void Add(double lon, double lat) {
    min_lon = std::min(min_lon, lon);
    max_lon = std::max(max_lon, lon);
    min_lat = std::min(min_lat, lat);
    max_lat = std::max(max_lat, lat);
  }
};

bool IsPosition(const json& p) { return p.is_array() && p.size() >= 2 && p[0].is_number() && p[1].is_number(); }

// The rings of a Polygon or MultiPolygon geometry, as lon/lat arrays.
bool RingsOf(const json& geometry, std::vector<const json*>* rings) {
  if (!geometry.is_object() || !geometry.contains("type") || !geometry.contains("coordinates")) return false;
  const json& type = geometry["type"];
  const json& coords = geometry["coordinates"];
  if (!coords.is_array()) return false;
  auto add_polygon = [&](const json& polygon) {
    if (!polygon.is_array()) return false;
    for (const auto& ring : polygon) {
      if (!ring.is_array()) return false;
      for (const auto& p : ring)
        if (!IsPosition(p)) return false;
      rings->push_back(&ring);
    }
    return true;
  };
  if (type == "Polygon") return add_polygon(coords);
  if (type == "MultiPolygon") {
    for (const auto& polygon : coords)
      if (!add_polygon(polygon)) return false;
    return true;
  }
  return false;
}

}  // namespace

Result<MunicipalityMap> MunicipalityMap::Load(const std::string& path) {
  auto text = ReadFile(path, 64u << 20);
  if (!text.ok()) return IoError("De kaart van de gemeenten ontbreekt: " + path);
  return Parse(text.value());
}

Result<MunicipalityMap> MunicipalityMap::Parse(const std::string& text) {
  json doc = json::parse(text, nullptr, false);
  if (!doc.is_object() || !doc.contains("features") || !doc["features"].is_array())
    return Invalid("De kaart van de gemeenten is geen GeoJSON FeatureCollection.");
  struct Shape {
    std::string code, naam;
    std::vector<const json*> rings;
  };
  std::vector<Shape> shapes;
  Bounds b;
  for (const auto& f : doc["features"]) {
    if (!f.is_object() || !f.contains("properties") || !f["properties"].is_object() || !f.contains("geometry"))
      return Invalid("De kaart van de gemeenten bevat een onderdeel zonder eigenschappen of vorm.");
    const json& props = f["properties"];
    Shape s;
    if (props.contains("statcode") && props["statcode"].is_string()) s.code = props["statcode"].get<std::string>();
    if (props.contains("statnaam") && props["statnaam"].is_string()) s.naam = props["statnaam"].get<std::string>();
    if (s.code.empty() || !RingsOf(f["geometry"], &s.rings))
      return Invalid("De kaart van de gemeenten bevat een gemeente zonder code of met een onbruikbare vorm.");
    for (const json* ring : s.rings)
      for (const auto& p : *ring) b.Add(p[0].get<double>(), p[1].get<double>());
    shapes.push_back(std::move(s));
  }
  if (shapes.empty()) return Invalid("De kaart van de gemeenten is leeg.");
  // An equirectangular projection around the middle latitude: at the size of
  // the Netherlands the distortion is invisible.
  constexpr double kPi = 3.14159265358979323846;
  double mid = (b.min_lat + b.max_lat) / 2 * kPi / 180;
  double x_span = std::max(1e-9, (b.max_lon - b.min_lon) * std::cos(mid));
  double scale = kWidth / x_span;
  double height = std::ceil((b.max_lat - b.min_lat) * scale);
  auto project = [&](const json& p) {
    return Point((p[0].get<double>() - b.min_lon) * std::cos(mid) * scale, (b.max_lat - p[1].get<double>()) * scale);
  };
  json out = json::array();
  for (const auto& s : shapes) {
    std::string path;
    for (const json* ring : s.rings) {
      Ring projected, simple;
      for (const auto& p : *ring) projected.push_back(project(p));
      bg::simplify(projected, simple, kTolerance);
      std::string part;
      long last_x = LONG_MIN, last_y = LONG_MIN;
      int points = 0;
      for (const auto& p : simple) {
        long x = std::lround(p.x() * 10), y = std::lround(p.y() * 10);  // a tenth of a unit
        if (x == last_x && y == last_y) continue;
        part += (points == 0 ? "M" : "L") + std::to_string(x / 10) + "." + std::to_string(x % 10) + " " +
                std::to_string(y / 10) + "." + std::to_string(y % 10);
        last_x = x;
        last_y = y;
        ++points;
      }
      if (points >= 3) path += part + "Z";
    }
    out.push_back({{"code", s.code}, {"naam", s.naam}, {"pad", path}});
  }
  MunicipalityMap map;
  map.count_ = shapes.size();
  map.json_ = std::make_shared<const std::string>(json{{"viewBox", "0 0 " + std::to_string(static_cast<int>(kWidth)) + " " +
                                   std::to_string(static_cast<int>(height))},
                   {"gemeenten", std::move(out)}}
                                                       .dump());
  return map;
}

}  // namespace koers
