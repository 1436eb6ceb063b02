#include "formats/municipality_map.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace koers {
namespace {

TEST(MunicipalityMap, DrawsEveryMunicipalityOfTheRealFile) {
  auto map = MunicipalityMap::Load(std::string(KOERS_SOURCE_DIR) + "/data/geo/gemeentegrenzen_2024.geojson");
  ASSERT_TRUE(map.ok()) << map.error().message;
  EXPECT_EQ(map.value().size(), 342u);
  auto j = nlohmann::json::parse(map.value().Json());
  EXPECT_EQ(j["viewBox"].get<std::string>().rfind("0 0 1000 ", 0), 0u);
  bool utrecht = false;
  for (const auto& g : j["gemeenten"]) {
    EXPECT_EQ(g["pad"].get<std::string>().front(), 'M') << g["code"];
    utrecht = utrecht || (g["code"] == "GM0344" && g["naam"] == "Utrecht");
  }
  EXPECT_TRUE(utrecht);
  // Simplified: far smaller than the source file.
  EXPECT_LT(map.value().Json().size(), 600000u);
}

TEST(MunicipalityMap, ProjectsNorthUpAndKeepsRingsClosed) {
  auto map = MunicipalityMap::Parse(R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"statcode":"GM0001","statnaam":"Zuid"},
     "geometry":{"type":"Polygon","coordinates":[[[5,52],[6,52],[6,52.5],[5,52]]]}},
    {"type":"Feature","properties":{"statcode":"GM0002","statnaam":"Noord"},
     "geometry":{"type":"MultiPolygon","coordinates":[[[[5,53],[6,53],[6,53.5],[5,53]]]]}}]})");
  ASSERT_TRUE(map.ok()) << map.error().message;
  auto j = nlohmann::json::parse(map.value().Json());
  // 1 degree of longitude at 52.75 N is 0.605 degrees of latitude wide, so
  // the drawing is 1000 wide and 2479 high; the northern municipality is
  // drawn at the top (y = 0).
  EXPECT_EQ(j["viewBox"], "0 0 1000 2479");
  EXPECT_EQ(j["gemeenten"][1]["pad"], "M1000.0 0.0L0.0 826.0L1000.0 826.0L1000.0 0.0Z");
  EXPECT_EQ(j["gemeenten"][0]["pad"].get<std::string>().back(), 'Z');
}

TEST(MunicipalityMap, RefusesFilesThatAreNotBoundaries) {
  for (const char* bad : {"", "[1,2", "{}", R"({"features":{}})", R"({"features":[]})",
                          R"({"features":[{"properties":{"statcode":"GM1"},"geometry":{"type":"Point","coordinates":[5,52]}}]})",
                          R"({"features":[{"properties":{"statcode":"GM1"},"geometry":{"type":"Polygon","coordinates":[[["x",1]]]}}]})",
                          R"({"features":[{"properties":{},"geometry":{"type":"Polygon","coordinates":[[[5,52],[6,52],[5,53]]]}}]})"}) {
    auto map = MunicipalityMap::Parse(bad);
    ASSERT_FALSE(map.ok()) << bad;
    EXPECT_EQ(map.error().kind, ErrorKind::kInvalid) << bad;
    EXPECT_FALSE(map.error().message.empty());
  }
  EXPECT_FALSE(MunicipalityMap::Load("/bestaat/niet.geojson").ok());
}

}  // namespace
}  // namespace koers
