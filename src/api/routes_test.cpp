// The OpenAPI document must describe exactly the routes of the route table:
// every route documented, nothing documented that does not exist.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "api/openapi_document.hpp"
#include "api/request_params.hpp"
#include "api/router.hpp"

namespace koers::api {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

TEST(OpenApi, DocumentsExactlyTheRouteTable) {
  auto doc = nlohmann::json::parse(OpenApiDocument());
  std::string base = doc["servers"][0]["url"];
  ASSERT_EQ(base, "/api/v1");
  std::set<std::string> documented;
  for (const auto& [path, ops] : doc["paths"].items())
    for (const auto& [method, op] : ops.items())
      if (method != "parameters") documented.insert(method + " " + base + path);
  std::set<std::string> routed;
  for (const auto& r : ApiRoutes()) routed.insert(Lower(r.method) + " " + std::string(r.pattern));
  EXPECT_EQ(documented, routed);
}

// The dispatcher checks exactly the path parameters that the document
// declares as integer ids, with the same lower bound.
TEST(OpenApi, IntegerPathIdsAreTheCheckedOnes) {
  auto doc = nlohmann::json::parse(OpenApiDocument());
  for (const auto& [path, ops] : doc["paths"].items())
    for (const auto& [method, op] : ops.items()) {
      if (method == "parameters") continue;
      for (const auto& p : op.value("parameters", nlohmann::json::array())) {
        if (!p.contains("in") || p["in"] != "path") continue;
        std::string name = p["name"];
        bool integer = p["schema"]["type"] == "integer";
        EXPECT_EQ(integer, IsIntegerId(name)) << method << " " << path << " {" << name << "}";
        if (integer) EXPECT_EQ(p["schema"].value("minimum", 0), 1) << method << " " << path << " {" << name << "}";
      }
    }
}

TEST(OpenApi, VersionMatchesTheBuild) {

  auto doc = nlohmann::json::parse(OpenApiDocument());
  EXPECT_EQ(doc["info"]["version"], KOERS_VERSION);
}

TEST(Router, MatchesPathParametersAndReportsAllowedMethods) {
  http::Request req;
  req.method = "GET";
  req.path = "/api/v1/innovaties/42";
  Params params;
  std::string allowed;
  const Route* r = Match(req, &params, &allowed);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(params.Get("id"), "42");
  req.method = "POST";
  EXPECT_EQ(Match(req, &params, &allowed), nullptr);
  EXPECT_EQ(allowed, "GET, PUT, PATCH, DELETE");
  req.method = "HEAD";
  EXPECT_NE(Match(req, &params, &allowed), nullptr);
  req.path = "/api/v1/innovaties/42/extra";
  EXPECT_EQ(Match(req, &params, &allowed), nullptr);
  EXPECT_EQ(allowed, "");
}

}  // namespace
}  // namespace koers::api
