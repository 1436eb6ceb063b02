// Handlers of networks: /api/v1/innovaties/{id}/netwerk,
// /api/v1/clusters/{clusterId}/netwerk and /api/v1/organisaties/{code}/netwerk.
#include <nlohmann/json.hpp>
#include <optional>

#include "api/api.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_params.hpp"
#include "app/clusters.hpp"
#include "app/network.hpp"

namespace koers::api {
namespace {

using nlohmann::json;

json PartiesJson(const std::vector<NetworkParty>& parties) {
  json out = json::array();
  for (const auto& p : parties) {
    json ties = json::array();
    for (const auto& t : p.banden) {
      json tie = {{"innovatie", t.innovatie_id},
                  {"titel", t.titel},
                  {"relatie", t.relatie},
                  {"_links", {{"innovatie", {{"href", "/api/v1/innovaties/" + std::to_string(t.innovatie_id)}}}}}};
      if (t.relatie == "partner") tie["bewerkrecht"] = t.bewerkrecht;
      if (t.adoptie_id > 0) {
        tie["sinds"] = t.sinds;
        tie["adoptie"] = t.adoptie_id;
      }
      ties.push_back(std::move(tie));
    }
    out.push_back({{"organisatie", p.organisatie},
                   {"organisatieNaam", p.naam},
                   {"banden", std::move(ties)},
                   {"_links", {{"netwerk", {{"href", "/api/v1/organisaties/" + p.organisatie + "/netwerk"}}}}}});
  }
  return out;
}

// None of the network routes takes a query parameter; an unknown one is a 400.
std::optional<http::Response> UnknownParameters(const Call& c) {
  QueryReader q(c.req, {});
  if (q.ok()) return std::nullopt;
  return Problem(q.error(), c.req.path);
}

json NetworkJson(const Network& n, const std::string& self) {
  return json{{"binnenkring", PartiesJson(n.binnenkring)},
              {"buitenkring", PartiesJson(n.buitenkring)},
              {"overnemers", PartiesJson(n.overnemers)},
              {"_links", {{"self", {{"href", self}}}}}};
}

}  // namespace

http::Response GetInnovatieNetwerk(Services& s, const Call& c) {
  if (auto bad = UnknownParameters(c)) return std::move(*bad);
  int64_t id = c.params.Id("id");
  auto net = s.networks.OfInnovation(id, c.actor);
  if (!net.ok()) return Problem(net.error(), c.req.path);
  return JsonResponse(200, NetworkJson(net.value(), "/api/v1/innovaties/" + std::to_string(id) + "/netwerk"));
}

http::Response GetClusterNetwerk(Services& s, const Call& c) {
  if (auto bad = UnknownParameters(c)) return std::move(*bad);
  const std::string& id = c.params.Get("clusterId");
  auto opened = s.clusters.Open(id, c.actor);
  if (!opened.ok()) return Problem(opened.error(), c.req.path);
  std::vector<int64_t> ids;
  for (const auto& m : opened.value().zichtbaar) ids.push_back(m.innovatie_id);
  auto net = s.networks.OfInnovations(ids, c.actor);
  if (!net.ok()) return Problem(net.error(), c.req.path);
  return JsonResponse(200, NetworkJson(net.value(), "/api/v1/clusters/" + id + "/netwerk"));
}

http::Response GetOrganisatieNetwerk(Services& s, const Call& c) {
  if (auto bad = UnknownParameters(c)) return std::move(*bad);
  const std::string& code = c.params.Get("code");
  auto net = s.networks.OfOrganisation(code, c.actor);
  if (!net.ok()) return Problem(net.error(), c.req.path);
  const auto& n = net.value();
  return JsonResponse(
      200, json{{"organisatie", n.organisatie.code},
                {"organisatieNaam", n.organisatie.naam},
                {"ontwikkeltSamenMet", PartiesJson(n.ontwikkelt_samen_met)},
                {"neemtOverVan", PartiesJson(n.neemt_over_van)},
                {"wordtOvergenomenDoor", PartiesJson(n.wordt_overgenomen_door)},
                {"_links", {{"self", {{"href", "/api/v1/organisaties/" + n.organisatie.code + "/netwerk"}}},
                            {"organisatie", {{"href", "/api/v1/organisaties/" + n.organisatie.code}}}}}});
}

}  // namespace koers::api
