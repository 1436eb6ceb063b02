// Handlers of diagnosis and advice: /api/v1/kennis,
// /api/v1/innovaties/{id}/diagnoses, teamcheck and advies,
// /api/v1/organisaties/{code}/klimaat and advies, and
// /api/v1/portfolio/succesfactoren.
#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_params.hpp"
#include "app/diagnosis.hpp"
#include "app/learning.hpp"
#include "app/not_found.hpp"
#include "app/register.hpp"

namespace koers::api {
namespace {

using nlohmann::json;


json ItemsJson(const std::vector<KnowledgeItem>& items) {
  json out = json::array();
  for (const auto& i : items) out.push_back({{"id", i.id}, {"naam", i.naam}, {"uitleg", i.uitleg}});
  return out;
}

json OptionJson(const Knowledge& k, const ActionOption& o) {
  const Theme* t = k.FindTheme(o.thema);
  return json{{"id", o.id},       {"titel", o.titel},         {"tekst", o.tekst}, {"thema", o.thema},
              {"themaNaam", t ? t->naam : o.thema}, {"fasen", o.fasen}, {"versterkt", o.versterkt}};
}

json AdviceJson(const Knowledge& k, const std::vector<AdviceItem>& items) {
  json out = json::array();
  for (const auto& a : items)
    out.push_back({{"optie", OptionJson(k, *a.optie)}, {"regel", a.regel}, {"gewicht", a.gewicht}, {"reden", a.reden}});
  return out;
}

json TeamJson(const TeamCheck& t) {
  json gaps = json::array(), groups = json::array();
  for (const auto& g : t.gaten) gaps.push_back({{"rollen", g.rollen}, {"regel", g.regel}, {"reden", g.reden}});
  for (const auto* g : t.ontbrekende_groepen)
    groups.push_back({{"id", g->id}, {"naam", g->naam}, {"archetypen", g->archetypen}, {"uitleg", g->uitleg}});
  return json{{"ontbrekendeRollen", std::move(gaps)}, {"ontbrekendeArchetypegroepen", std::move(groups)}};
}

json FactsJson(const InnovationFacts& f) {
  return json{{"fase", f.fase},
              {"status", f.status},
              {"pijlers", f.pijlers},
              {"factoren", f.factoren},
              {"heeftBusinesscase", f.heeft_businesscase},
              {"heeftPitch", f.heeft_pitch},
              {"heeftBeoordeling", f.heeft_beoordeling},
              {"beoordelingAchterstallig", f.beoordeling_achterstallig},
              {"doorlooptijdOverschreden", f.doorlooptijd_overschreden},
              {"opgeschaald", f.opgeschaald},
              {"dagenInFase", f.dagen_in_fase},
              {"openOnbekenden", f.open_onbekenden}};
}

json HistoryJson(const std::vector<Assessment>& list, const char* field, const char* name) {
  json items = json::array();
  for (const auto& a : list) items.push_back(ToJson(a, field));
  return json{{"_embedded", {{name, std::move(items)}}}};
}

}  // namespace

http::Response GetKennis(Services& s, const Call&) {
  const Knowledge& k = s.diagnosis.knowledge();
  json themes = json::array(), options = json::array(), groups = json::array(), pillars = json::array();
  for (const auto& t : k.themas) themes.push_back({{"id", t.id}, {"naam", t.naam}, {"uitleg", t.uitleg}});
  for (const auto& o : k.opties) options.push_back(OptionJson(k, o));
  for (const auto& g : k.archetypegroepen)
    groups.push_back({{"id", g.id}, {"naam", g.naam}, {"archetypen", g.archetypen}, {"uitleg", g.uitleg}});
  for (const auto& [id, naam] : Pillars()) pillars.push_back({{"id", id}, {"naam", naam}});
  http::Response res = JsonResponse(200, json{{"succesfactoren", ItemsJson(k.factoren)},
                                              {"kenmerken", ItemsJson(k.kenmerken)},
                                              {"drempels", ItemsJson(k.drempels)},
                                              {"themas", std::move(themes)},
                                              {"opties", std::move(options)},
                                              {"archetypegroepen", std::move(groups)},
                                              {"lesclusters", ItemsJson(k.lesclusters)},
                                              {"pijlers", std::move(pillars)}});
  res.SetHeader("Cache-Control", "public, max-age=300");
  return res;
}

http::Response ListDiagnoses(Services& s, const Call& c) {
  int64_t id = c.params.Id("id");
  auto list = s.diagnosis.Diagnoses(id, c.actor);
  if (!list.ok()) return Problem(list.error(), c.req.path);
  return JsonResponse(200, HistoryJson(list.value(), "factoren", "diagnoses"));
}

http::Response CreateDiagnose(Services& s, const Call& c) {
  int64_t id = c.params.Id("id");
  http::Response res;
  json body;
  if (!ReadBody(c, &body, &res)) return res;
  Assessment a;
  auto problems = FromJson(body, &a, "factoren", false);
  auto saved = s.diagnosis.AddDiagnosis(id, std::move(a), c.actor, std::move(problems));
  if (!saved.ok()) return Problem(saved.error(), c.req.path);
  return JsonResponse(201, ToJson(saved.value(), "factoren"));
}

http::Response GetTeamcheck(Services& s, const Call& c) {
  int64_t id = c.params.Id("id");
  auto d = s.diagnosis.Advise(id, c.actor);
  if (!d.ok()) return Problem(d.error(), c.req.path);
  return JsonResponse(200, TeamJson(d.value().feiten.team));
}

http::Response GetInnovatieAdvies(Services& s, const Call& c) {
  int64_t id = c.params.Id("id");
  auto d = s.diagnosis.Advise(id, c.actor);
  if (!d.ok()) return Problem(d.error(), c.req.path);
  return JsonResponse(200, json{{"feiten", FactsJson(d.value().feiten)},
                                {"teamcheck", TeamJson(d.value().feiten.team)},
                                {"advies", AdviceJson(s.diagnosis.knowledge(), d.value().advies)}});
}

http::Response ListKlimaat(Services& s, const Call& c) {
  auto list = s.diagnosis.Climate(c.params.Get("code"), c.actor);
  if (!list.ok()) return Problem(list.error(), c.req.path);
  return JsonResponse(200, HistoryJson(list.value(), "kenmerken", "metingen"));
}

http::Response CreateKlimaat(Services& s, const Call& c) {
  http::Response res;
  json body;
  if (!ReadBody(c, &body, &res)) return res;
  Assessment a;
  auto problems = FromJson(body, &a, "kenmerken", true);
  auto saved = s.diagnosis.AddClimate(c.params.Get("code"), std::move(a), c.actor, std::move(problems));
  if (!saved.ok()) return Problem(saved.error(), c.req.path);
  return JsonResponse(201, ToJson(saved.value(), "kenmerken"));
}

http::Response GetOrganisatieAdvies(Services& s, const Call& c) {
  auto advice = s.diagnosis.AdviseOrganisation(c.params.Get("code"), c.actor);
  if (!advice.ok()) return Problem(advice.error(), c.req.path);
  return JsonResponse(200, json{{"advies", AdviceJson(s.diagnosis.knowledge(), advice.value())}});
}

http::Response GetPortfolioLessen(Services& s, const Call& c) {
  QueryReader q(c.req, {"organisatie"});
  std::string org = q.Text("organisatie");
  if (!q.ok()) return Problem(q.error(), c.req.path);
  auto lessons = s.diagnosis.Lessons(org, c.actor);
  if (!lessons.ok()) return Problem(lessons.error(), c.req.path);
  auto clusters = s.learning.ClusterPatterns(org, c.actor, kMinGroupForLesson);
  if (!clusters.ok()) return Problem(clusters.error(), c.req.path);
  auto group = [](int reached, int n) {
    return json{{"n", n},
                {"implementatieBereikt", reached},
                {"aandeel", n > 0 ? json(std::round(1000.0 * reached / n) / 1000) : json(nullptr)}};
  };
  json items = json::array(), by_cluster = json::array();
  for (const auto& l : lessons.value())
    items.push_back({{"factor", l.factor->id},
                     {"naam", l.factor->naam},
                     {"hoog", group(l.hoog_bereikt, l.hoog_n)},
                     {"laag", group(l.laag_bereikt, l.laag_n)},
                     {"genoegGegevens", l.genoeg}});
  for (const auto& p : clusters.value())
    by_cluster.push_back({{"cluster", p.cluster->id},
                          {"naam", p.cluster->naam},
                          {"met", group(p.met_bereikt, p.met_n)},
                          {"zonder", group(p.zonder_bereikt, p.zonder_n)},
                          {"genoegGegevens", p.genoeg}});
  return JsonResponse(200, json{{"minimumPerGroep", kMinGroupForLesson},
                                {"factoren", std::move(items)},
                                {"lesclusters", std::move(by_cluster)}});
}

}  // namespace koers::api
