// Handlers of the zoekhulp: /api/v1/innovaties/_zoek and
// /api/v1/innovaties/{id}/vergelijkbaar.
#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_params.hpp"
#include "app/clusters.hpp"
#include "app/not_found.hpp"
#include "app/register.hpp"
#include "domain/vocabulary.hpp"

namespace koers::api {
namespace {

using nlohmann::json;

// The product a hit stands for, as far as the viewer may read it: its name,
// how many matching records the hit stands for and the other records.
json ProductJson(Services& s, const Call& c, const std::vector<Cluster>& clusters, const SearchHit& h) {
  const Cluster* cluster = h.product.empty() ? nullptr : Clusters::Find(clusters, h.product);
  if (!cluster) return nullptr;
  std::vector<ClusterMember> visible = cluster->alle_openbaar ? cluster->leden : s.clusters.Visible(*cluster, c.actor);
  size_t organisations = OrganisationCount(visible);
  if (organisations < 2) return nullptr;
  // The first few; the cluster page has them all.
  constexpr size_t kOthers = 20;
  json others = json::array();
  for (const auto& m : visible)
    if (m.innovatie_id != h.id && others.size() < kOthers)
      others.push_back({{"id", m.innovatie_id},
                        {"titel", m.titel},
                        {"organisatie", m.organisatie},
                        {"organisatieNaam", m.organisatie_naam},
                        {"_links", {{"self", {{"href", "/api/v1/innovaties/" + std::to_string(m.innovatie_id)}}}}}});
  return json{{"id", cluster->id},
              {"naam", cluster->naam.empty() ? ClusterName(visible) : cluster->naam},
              {"treffers", h.product_treffers},
              {"aantalInnovaties", visible.size()},
              {"aantalOrganisaties", organisations},
              {"anderen", std::move(others)},
              {"_links", {{"cluster", {{"href", "/api/v1/clusters/" + cluster->id}}}}}};
}

json HitJson(const SearchHit& h) {
  json out = json::parse(h.samenvatting_json, nullptr, false);
  if (!out.is_object()) out = json::object();
  json fragment = json::array();
  for (const auto& f : h.fragment) fragment.push_back({{"tekst", f.tekst}, {"treffer", f.treffer}});
  out["fragment"] = std::move(fragment);
  out["waarom"] = h.waarom;
  out["score"] = std::round(h.score * 100) / 100;
  return out;
}

}  // namespace

http::Response ZoekInnovaties(Services& s, const Call& c) {
  QueryReader q(c.req, {"q", "domein", "fase", "status", "techniek", "organisatieSoort", "provincie", "organisatie",
                        "groeperen", "pagina", "paginaGrootte"});
  SearchQuery query;
  query.text = q.Text("q");
  if (query.text.size() > 500) {
    return Problem(Invalid("De zoekvraag is te lang.", {{"q", "gebruik hoogstens 500 tekens"}}), c.req.path);
  }
  query.filters["domein"] = q.Text("domein", &vocab::kDomein);
  query.filters["fase"] = q.Text("fase", &vocab::kFase);
  query.filters["status"] = q.Text("status", &vocab::kStatus);
  query.filters["techniek"] = q.Text("techniek");
  query.filters["organisatieSoort"] = q.Text("organisatieSoort", &vocab::kOrganisatieSoort);
  query.filters["provincie"] = q.Text("provincie");
  query.filters["organisatie"] = q.Text("organisatie");
  query.per_product = q.OneOf("groeperen", {"product", "geen"}) != "geen";
  PageRequest page = q.Page();
  if (!q.ok()) return Problem(q.error(), c.req.path);
  Error limited;
  if (!WithinLimit(s, "zoeken:" + ClientKey(c), s.options.search_per_client, &limited))
    return Problem(limited, c.req.path);
  query.offset = (page.pagina - 1) * page.pagina_grootte;
  query.limit = page.pagina_grootte;
  query.viewer = SearchViewerOf(c.actor);
  // The clusters first: catching up sets the products the search groups by.
  auto clusters = s.clusters.All();
  if (!clusters.ok()) return Problem(clusters.error(), c.req.path);
  auto result = s.reg.search().Search(query);
  if (!result.ok()) return Problem(result.error(), c.req.path);
  json hits = json::array();
  for (const auto& h : result.value().hits) {
    hits.push_back(HitJson(h));
    hits.back()["product"] = ProductJson(s, c, *clusters.value(), h);
  }
  json facets = json::object();
  for (const auto& [name, counts] : result.value().facetten) {
    json list = json::array();
    const Vocabulary* vocab = name == "domein" ? &vocab::kDomein
                              : name == "fase" ? &vocab::kFase
                              : name == "status" ? &vocab::kStatus
                              : name == "organisatieSoort" ? &vocab::kOrganisatieSoort
                                                           : nullptr;
    for (const auto& f : counts)
      list.push_back({{"waarde", f.waarde},
                      {"label", vocab ? std::string(vocab->Label(f.waarde)) : f.waarde},
                      {"aantal", f.aantal}});
    facets[name] = std::move(list);
  }
  return JsonResponse(200, json{{"_links", PageLinks(c.req, page, result.value().totaal)},
                                {"totaal", result.value().totaal},
                                {"pagina", page.pagina},
                                {"paginaGrootte", page.pagina_grootte},
                                {"correcties", result.value().correcties},
                                {"facetten", std::move(facets)},
                                {"_embedded", {{"resultaten", std::move(hits)}}}});
}

http::Response VergelijkbareInnovaties(Services& s, const Call& c) {
  int64_t id = c.params.Id("id");
  QueryReader
 q(c.req, {"aantal"});
  int limit = q.Int("aantal", 5, 1, 20);
  if (!q.ok()) return Problem(q.error(), c.req.path);
  auto header = s.reg.Header(id, c.actor);  // unknown and invisible look the same
  if (!header.ok()) return Problem(header.error(), c.req.path);
  auto similar = s.reg.search().Similar(id, SearchViewerOf(c.actor), limit);
  if (!similar.ok()) return Problem(similar.error(), c.req.path);
  json items = json::array();
  for (const auto& h : similar.value()) items.push_back(HitJson(h));
  return JsonResponse(200, json{{"_embedded", {{"innovaties", std::move(items)}}}});
}

}  // namespace koers::api
