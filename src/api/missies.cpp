// Handlers of missions: /api/v1/missies, /api/v1/missies/{missieId} and the
// contributions under /api/v1/missies/{missieId}/bijdragen.
#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_params.hpp"
#include "app/missions.hpp"
#include "domain/json_reader.hpp"
#include "domain/vocabulary.hpp"

namespace koers::api {
namespace {

using nlohmann::json;

json OrgJson(const std::string& code, const std::string& naam) { return json{{"code", code}, {"naam", naam}}; }

json MissieJson(const MissionView& v, bool with_contributions) {
  const Mission& m = v.missie;
  json out = ToJson(m);
  json owners = json::array();
  for (const auto& [code, naam] : v.eigenaren) owners.push_back(OrgJson(code, naam));
  out["eigenaren"] = std::move(owners);
  for (auto& p : out["partners"]) p["rolLabel"] = std::string(vocab::kMissieRol.Label(p["rol"].get<std::string>()));
  if (auto p = Progress(m))
    out["voortgang"] = {{"waarde", p->waarde}, {"datum", p->datum}, {"percentage", OrNull(p->percentage)}};
  else
    out["voortgang"] = nullptr;
  json phases = json::array();
  for (const auto& f : vocab::kFase.entries) {
    auto n = v.per_fase.find(std::string(f.value));
    phases.push_back({{"fase", f.value}, {"label", f.label}, {"aantal", n == v.per_fase.end() ? 0 : n->second}});
  }
  json orgs = json::array(), municipalities = json::array();
  for (const auto& o : v.organisaties) orgs.push_back({{"code", o.code}, {"naam", o.naam}, {"aantal", o.aantal}});
  for (const auto& o : v.gemeenten) municipalities.push_back({{"code", o.code}, {"naam", o.naam}, {"aantal", o.aantal}});
  out["portfolio"] = {{"aantal", v.aantal},
                      {"perFase", std::move(phases)},
                      {"organisaties", std::move(orgs)},
                      {"gemeenten", std::move(municipalities)}};
  if (with_contributions) {
    json items = json::array();
    for (const auto& b : v.bijdragen) {
      const Innovation& in = b.innovatie;
      items.push_back({{"innovatie",
                        {{"id", in.id},
                         {"titel", in.titel},
                         {"fase", in.fase},
                         {"faseLabel", std::string(vocab::kFase.Label(in.fase))},
                         {"organisatie", in.organisatie},
                         {"organisatieNaam", in.organisatie_naam},
                         {"_links", {{"self", {{"href", "/api/v1/innovaties/" + std::to_string(in.id)}}}}}}},
                       {"status", b.bijdrage.status},
                       {"statusLabel", std::string(vocab::kBijdrageStatus.Label(b.bijdrage.status))},
                       {"toelichting", OrNull(b.bijdrage.toelichting)},
                       {"gevraagdOp", OrNull(b.bijdrage.gevraagd_op)},
                       {"beslistOp", OrNull(b.bijdrage.beslist_op)},
                       {"beslisbaar", b.beslisbaar}});
    }
    out["bijdragen"] = std::move(items);
  }
  out["wijzigbaar"] = v.wijzigbaar;
  out["_links"] = {{"self", {{"href", "/api/v1/missies/" + std::to_string(m.id)}}},
                   {"bijdragen", {{"href", "/api/v1/missies/" + std::to_string(m.id) + "/bijdragen"}}}};
  return out;
}

http::Response MissieAnswer(const Result<MissionView>& v, const Call& c, int status) {
  if (!v.ok()) return Problem(v.error(), c.req.path);
  json body = MissieJson(v.value(), true);
  body["kanBijdragen"] = !c.actor.Anonymous();
  return WithVersion(JsonResponse(status, std::move(body)), v.value().missie.versie);
}

}  // namespace

http::Response ListMissies(Services& s, const Call& c) {
  QueryReader q(c.req, {"q", "status", "pagina", "paginaGrootte"});
  MissionSearch search;
  search.text = q.Text("q");
  search.status = q.Text("status", &vocab::kMissieStatus);
  search.page = q.Page();
  if (!q.ok()) return Problem(q.error(), c.req.path);
  if (search.text.size() > 500)
    return Problem(Invalid("De zoekvraag klopt niet.", {{"q", "gebruik hoogstens 500 tekens"}}), c.req.path);
  auto list = s.missions.List(search, c.actor);
  if (!list.ok()) return Problem(list.error(), c.req.path);
  json items = json::array();
  for (const auto& v : list.value().items) items.push_back(MissieJson(v, false));
  return JsonResponse(200, json{{"_links", PageLinks(c.req, search.page, list.value().totaal)},
                                {"totaal", list.value().totaal},
                                {"pagina", search.page.pagina},
                                {"paginaGrootte", search.page.pagina_grootte},
                                {"_embedded", {{"missies", std::move(items)}}}});
}

http::Response GetMissie(Services& s, const Call& c) {
  return MissieAnswer(s.missions.Get(c.params.Id("missieId"), c.actor), c, 200);
}

http::Response CreateMissie(Services& s, const Call& c) {
  http::Response res;
  json body;
  if (!ReadBody(c, &body, &res)) return res;
  Mission m;
  auto problems = FromJson(body, &m);
  auto v = s.missions.Create(std::move(m), c.actor, std::move(problems));
  res = MissieAnswer(v, c, 201);
  if (v.ok()) res.SetHeader("Location", "/api/v1/missies/" + std::to_string(v.value().missie.id));
  return res;
}

http::Response ReplaceMissie(Services& s, const Call& c) {
  http::Response res;
  json body;
  int64_t version = 0;
  if (!ReadVersion(c, &version, &res) || !ReadBody(c, &body, &res)) return res;
  Mission m;
  auto problems = FromJson(body, &m);
  return MissieAnswer(s.missions.Replace(c.params.Id("missieId"), std::move(m), version, c.actor, std::move(problems)),
                      c, 200);
}

http::Response DeleteMissie(Services& s, const Call& c) {
  Status st = s.missions.Delete(c.params.Id("missieId"), c.actor);
  if (!st.ok()) return Problem(st.error(), c.req.path);
  return NoContent();
}

http::Response CreateBijdrage(Services& s, const Call& c) {
  http::Response res;
  json body;
  if (!ReadBody(c, &body, &res)) return res;
  std::vector<FieldProblem> problems;
  JsonReader rd(body, &problems);
  std::optional<int> innovation;
  std::string toelichting;
  rd.Int("innovatieId", &innovation, 1, 2000000000);
  rd.Str("toelichting", &toelichting);
  rd.RejectUnknown();
  if (!innovation && problems.empty()) problems.push_back({"innovatieId", "is verplicht: de innovatie die bijdraagt"});
  if (!problems.empty()) return Problem(Invalid("De bijdrage is niet aangemeld.", std::move(problems)), c.req.path);
  return MissieAnswer(s.missions.Propose(c.params.Id("missieId"), *innovation, std::move(toelichting), c.actor), c, 201);
}

http::Response DecideBijdrage(Services& s, const Call& c) {
  http::Response res;
  json body;
  if (!ReadBody(c, &body, &res)) return res;
  std::vector<FieldProblem> problems;
  JsonReader rd(body, &problems);
  std::string status;
  rd.Code("status", &status);
  rd.RejectUnknown();
  if (status.empty() && problems.empty()) problems.push_back({"status", "is verplicht; kies uit: ingestemd, afgewezen"});
  if (!problems.empty()) return Problem(Invalid("Het besluit is niet opgeslagen.", std::move(problems)), c.req.path);
  return MissieAnswer(s.missions.Decide(c.params.Id("missieId"), c.params.Id("innovatieId"), status, c.actor), c, 200);
}

http::Response DeleteBijdrage(Services& s, const Call& c) {
  Status st = s.missions.Withdraw(c.params.Id("missieId"), c.params.Id("innovatieId"), c.actor);
  if (!st.ok()) return Problem(st.error(), c.req.path);
  return NoContent();
}

}  // namespace koers::api
