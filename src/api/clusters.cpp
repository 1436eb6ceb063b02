// Handlers of adoption clusters and the municipality map: /api/v1/clusters
// and /api/v1/kaart/gemeenten.
#include <map>
#include <memory>
#include <unordered_set>
#include <nlohmann/json.hpp>

#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_params.hpp"
#include "app/adoption.hpp"
#include "app/clusters.hpp"
#include "app/not_found.hpp"
#include "core/text.hpp"
#include "domain/innovation_json.hpp"
#include "formats/municipality_map.hpp"

namespace koers::api {
namespace {

using nlohmann::json;


// In order of first appearance.
std::vector<std::string> Organisations(const std::vector<ClusterMember>& members) {
  std::vector<std::string> out;
  std::unordered_set<std::string_view> seen;
  for (const auto& m : members)
    if (seen.insert(m.organisatie).second) out.push_back(m.organisatie);
  return out;
}

// Since when the organisation has it: its start date, else the date it was
// registered at the source, else the day it came into Koers.
std::string Since(const Innovation& in) {
  if (!in.start_datum.empty()) return in.start_datum;
  if (in.bron && !in.bron->geregistreerd.empty()) return in.bron->geregistreerd;
  return in.aangemaakt_op.substr(0, 10);
}

// Whom to call: the project leader, else the client, else the first member.
json Contact(const Innovation& in) {
  const TeamMember* pick = nullptr;
  for (const char* rol : {"projectleider", "opdrachtgever"})
    for (const auto& m : in.team)
      if (!pick && m.rol == rol) pick = &m;
  if (!pick && !in.team.empty()) pick = &in.team.front();
  if (!pick) return nullptr;
  return json{{"naam", pick->naam}, {"rol", pick->rol}};
}

json ClusterSummary(const Cluster& c, const std::vector<ClusterMember>& visible) {
  auto orgs = Organisations(visible);
  return json{{"id", c.id},
              {"naam", c.naam.empty() ? ClusterName(visible) : c.naam},
              {"aantalInnovaties", visible.size()},
              {"aantalOrganisaties", orgs.size()},
              {"organisaties", orgs},
              {"_links", {{"self", {{"href", "/api/v1/clusters/" + c.id}}}}}};
}

bool Matches(const std::vector<ClusterMember>& visible, const std::string& zoek, int64_t innovatie,
             const std::string& organisatie) {
  bool text = zoek.empty(), id = innovatie == 0, org = organisatie.empty();
  for (const auto& m : visible) {
    text = text || m.gevouwen_titel.find(zoek) != std::string::npos;
    id = id || m.innovatie_id == innovatie;
    org = org || m.organisatie == organisatie;
  }
  return text && id && org;
}

}  // namespace

http::Response ListClusters(Services& s, const Call& c) {
  QueryReader q(c.req, {"zoek", "innovatie", "organisatie", "pagina", "paginaGrootte"});
  std::string zoek = q.Text("zoek");
  int64_t innovatie = q.Int("innovatie", 0, 0, INT32_MAX);
  std::string organisatie = q.Text("organisatie");
  PageRequest page = q.Page();
  if (!q.ok()) return Problem(q.error(), c.req.path);
  if (zoek.size() > 200) return Problem(Invalid("De zoektekst is te lang.", {{"zoek", "gebruik hoogstens 200 tekens"}}), c.req.path);
  zoek = IsValidUtf8(zoek) ? FoldAccents(Trim(zoek)) : "";
  auto all = s.clusters.All();
  if (!all.ok()) return Problem(all.error(), c.req.path);
  // Ordered by what the viewer sees (members, then organisations): an order
  // by the full size would tell outsiders that hidden members exist.
  // A cluster of public members is seen whole by everyone; only the others
  // are filtered member by member.
  struct Shown {
    const Cluster* cluster;
    std::shared_ptr<const std::vector<ClusterMember>> filtered;
    size_t organisations;
    const std::vector<ClusterMember>& visible() const { return filtered ? *filtered : cluster->leden; }
  };
  std::vector<Shown> shown;
  for (const auto& cluster : *all.value()) {
    Shown one{&cluster, nullptr, cluster.organisaties};
    if (!cluster.alle_openbaar) {
      one.filtered = std::make_shared<std::vector<ClusterMember>>(s.clusters.Visible(cluster, c.actor));
      one.organisations = OrganisationCount(*one.filtered);
    }
    if (one.organisations < 2 || !Matches(one.visible(), zoek, innovatie, organisatie)) continue;
    shown.push_back(std::move(one));
  }
  // Members come in order of id (Clusters::All).
  auto first_id = [](const std::vector<ClusterMember>& members) { return members.front().innovatie_id; };
  std::sort(shown.begin(), shown.end(), [&](const Shown& a, const Shown& b) {
    if (a.visible().size() != b.visible().size()) return a.visible().size() > b.visible().size();
    if (a.organisations != b.organisations) return a.organisations > b.organisations;
    return first_id(a.visible()) < first_id(b.visible());
  });
  json items = json::array();
  int64_t total = static_cast<int64_t>(shown.size());
  size_t from = static_cast<size_t>(page.pagina - 1) * page.pagina_grootte;
  for (size_t i = from; i < shown.size() && i < from + page.pagina_grootte; ++i)
    items.push_back(ClusterSummary(*shown[i].cluster, shown[i].visible()));
  return JsonResponse(200, json{{"_links", PageLinks(c.req, page, total)},
                                {"totaal", total},
                                {"pagina", page.pagina},
                                {"paginaGrootte", page.pagina_grootte},
                                {"_embedded", {{"clusters", std::move(items)}}}});
}

http::Response GetCluster(Services& s, const Call& c) {
  const std::string& id = c.params.Get("clusterId");
  auto opened = s.clusters.Open(id, c.actor);
  if (!opened.ok()) return Problem(opened.error(), c.req.path);
  const Cluster* found = opened.value().cluster;
  const auto& visible = opened.value().zichtbaar;
  json members = json::array();
  json municipalities = json::array();
  json adoptions = json::array();
  // The members, their organisations and their adoptions: three batch reads.
  std::vector<int64_t> ids;
  for (const auto& m : visible) ids.push_back(m.innovatie_id);
  auto innovations = s.reg.GetMany(ids, c.actor);
  if (!innovations.ok()) return Problem(innovations.error(), c.req.path);
  auto orgs = s.reg.AllOrganisations();
  if (!orgs.ok()) return Problem(orgs.error(), c.req.path);
  std::map<std::string, std::string> kind;
  for (const auto& o : orgs.value()) kind[o.code] = o.soort;
  AdoptionFilter of_members;
  of_members.bronnen = ids;
  auto adopted = s.adoptions.List(of_members, c.actor);
  std::unordered_set<std::string_view> listed;
  for (const auto& in : innovations.value()) {
    const std::string& soort = kind[in.organisatie];
    if (soort == "gemeente" && listed.insert(in.organisatie).second) municipalities.push_back(in.organisatie);
    members.push_back({{"innovatie", ToSummaryJson(in)},
                       {"organisatieSoort", soort},
                       {"sinds", Since(in)},
                       {"contact", Contact(in)}});
  }
  if (adopted.ok())
    for (const auto& a : adopted.value())
      adoptions.push_back({{"id", a.adoptie.id},
                           {"bron", a.adoptie.bron_id},
                           {"organisatie", a.adoptie.organisatie},
                           {"organisatieNaam", a.adoptie.organisatie_naam},
                           {"status", a.adoptie.status},
                           {"datum", a.adoptie.datum}});
  json out = ClusterSummary(*found, visible);
  out["leden"] = std::move(members);
  out["gemeenten"] = std::move(municipalities);
  out["adopties"] = std::move(adoptions);
  return JsonResponse(200, out);
}

http::Response GetGemeentekaart(Services& s, const Call& c) {
  if (!s.kaart) return Problem(NotFoundError(Missing::kMunicipalityMap), c.req.path);
  http::Response res = JsonResponse(200, s.kaart->Body());
  res.SetHeader("Cache-Control", "public, max-age=86400");
  return res;
}

}  // namespace koers::api
