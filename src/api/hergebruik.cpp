// Handlers of adoption and reuse: /api/v1/adopties and
// /api/v1/innovaties/{id}/hergebruik.
#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_params.hpp"
#include "app/adoption.hpp"
#include "app/not_found.hpp"
#include "app/register.hpp"
#include "domain/json_reader.hpp"

namespace koers::api {
namespace {

using nlohmann::json;


json SourceJson(const SourceValue& b) {
  return json{{"id", b.id},
              {"titel", b.titel},
              {"organisatie", b.organisatie},
              {"organisatieNaam", b.organisatie_naam},
              {"fase", b.fase},
              {"status", b.status},
              {"waardecreatie", OrNull(b.waardecreatie)},
              {"waardepotentie", OrNull(b.waardepotentie)},
              {"waardeSoorten", b.waarde_soorten},
              {"batenPerJaar", OrNull(b.baten_per_jaar)},
              {"besparingPerJaar", OrNull(b.besparing_per_jaar)}};
}

json AdoptionJson(const AdoptionView& v) {
  const Adoption& a = v.adoptie;
  json steps = json::array();
  for (const auto& s : a.historie) steps.push_back(ToJson(s));
  json links = {{"self", {{"href", "/api/v1/adopties/" + std::to_string(a.id)}}},
                {"bron", {{"href", "/api/v1/innovaties/" + std::to_string(a.bron_id)}}}};
  json own = nullptr;
  if (v.innovatie_zichtbaar) {
    own = {{"id", a.innovatie_id}, {"titel", v.innovatie_titel}};
    links["innovatie"] = {{"href", "/api/v1/innovaties/" + std::to_string(a.innovatie_id)}};
  }
  return json{{"id", a.id},
              {"bron", SourceJson(v.bron)},
              {"organisatie", a.organisatie},
              {"organisatieNaam", a.organisatie_naam},
              {"status", a.status},
              {"datum", a.datum},
              {"notitie", OrNull(a.notitie)},
              {"innovatie", std::move(own)},
              {"kopie", OrNull(a.kopie)},
              {"historie", std::move(steps)},
              {"versie", a.versie},
              {"aangemaaktOp", a.aangemaakt_op},
              {"gewijzigdOp", a.gewijzigd_op},
              {"_links", std::move(links)}};
}

http::Response AdoptionAnswer
(const Result<AdoptionView>& r, const Call& c, int status) {
  if (!r.ok()) return Problem(r.error(), c.req.path);
  http::Response res = WithVersion(JsonResponse(status, AdoptionJson(r.value())), r.value().adoptie.versie);
  if (status == 201) res.SetHeader("Location", "/api/v1/adopties/" + std::to_string(r.value().adoptie.id));
  return res;
}

// Reads the body of a new or changed adoption.
bool ReadAdoption(const Call& c, Adoption* a, bool* make_copy, std::vector<FieldProblem>* problems,
                  http::Response* res) {
  json body;
  if (!ReadBody(c, &body, res)) return false;
  *problems = FromJson(body, a, make_copy);
  return true;
}

}  // namespace

http::Response ListAdopties(Services& s, const Call& c) {
  QueryReader q(c.req, {"bron", "organisatie", "innovatie", "pagina", "paginaGrootte"});
  AdoptionFilter filter;
  filter.bron_id = q.Int("bron", 0, 0, INT32_MAX);
  filter.organisatie = q.Text("organisatie");
  filter.innovatie_id = q.Int("innovatie", 0, 0, INT32_MAX);
  PageRequest page = q.Page();
  if (!q.ok()) return Problem(q.error(), c.req.path);
  auto all = s.adoptions.List(filter, c.actor);
  if (!all.ok()) return Problem(all.error(), c.req.path);
  const auto& items = all.value();
  json out = json::array();
  size_t from = static_cast<size_t>(page.pagina - 1) * page.pagina_grootte;
  for (size_t i = from; i < items.size() && i < from + page.pagina_grootte; ++i) out.push_back(AdoptionJson(items[i]));
  return JsonResponse(200, json{{"_links", PageLinks(c.req, page, static_cast<int64_t>(items.size()))},
                                {"totaal", items.size()},
                                {"pagina", page.pagina},
                                {"paginaGrootte", page.pagina_grootte},
                                {"_embedded", {{"adopties", std::move(out)}}}});
}

http::Response CreateAdoptie(Services& s, const Call& c) {
  http::Response res;
  Adoption a;
  bool make_copy = false;
  std::vector<FieldProblem> problems;
  if (!ReadAdoption(c, &a, &make_copy, &problems, &res)) return res;
  a.id = 0;
  if (a.bron_id == 0) {
    bool named = false;
    for (const auto& p : problems) named = named || p.field == "bron";
    if (!named) problems.push_back({"bron", "is verplicht: het nummer van de innovatie die u overneemt"});
    return Problem(Invalid("De adoptie is niet opgeslagen: geef aan welke innovatie u overneemt.", std::move(problems)),
                   c.req.path);
  }
  return AdoptionAnswer(s.adoptions.Save(std::move(a), 0, make_copy, c.actor, std::move(problems)), c, 201);
}

http::Response GetAdoptie(Services& s, const Call& c) {
  return AdoptionAnswer(s.adoptions.Get(c.params.Id("adoptieId"), c.actor), c, 200);
}

http::Response ReplaceAdoptie(Services& s, const Call& c) {
  http::Response res;
  int64_t id = c.params.Id("adoptieId"), expected;
  if (!ReadVersion(c, &expected, &res)) return res;
  Adoption a;
  bool make_copy = false;
  std::vector<FieldProblem> problems;
  if (!ReadAdoption(c, &a, &make_copy, &problems, &res)) return res;
  a.id = id;
  return AdoptionAnswer(s.adoptions.Save(std::move(a), expected, make_copy, c.actor, std::move(problems)), c, 200);
}

http::Response DeleteAdoptie(Services& s, const Call& c) {
  Status st = s.adoptions.Delete(c.params.Id("adoptieId"), c.actor);
  if (!st.ok()) return Problem(st.error(), c.req.path);
  return NoContent();
}

http::Response ListHergebruik(Services& s, const Call& c) {
  auto assets = s.adoptions.Assets(c.params.Id("id"), c.actor);
  if (!assets.ok()) return Problem(assets.error(), c.req.path);
  json out = json::array();
  for (const auto& a : assets.value()) out.push_back(ToJson(a));
  return JsonResponse(200, json{{"_embedded", {{"hergebruik", std::move(out)}}}});
}

http::Response SaveHergebruik(Services& s, const Call& c) {
  bool replace = c.req.method == "PUT";
  int64_t id = c.params.Id("id"), asset_id = replace ? c.params.Id("hergebruikId") : 0;
  http::Response res;
  json body;
  if (!ReadBody(c, &body, &res)) return res;
  ReuseAsset asset;
  auto problems = FromJson(body, &asset);
  asset.id = asset_id;
  auto saved = s.adoptions.SaveAsset(id, std::move(asset), c.actor, std::move(problems));
  if (!saved.ok()) return Problem(saved.error(), c.req.path);
  return JsonResponse(replace ? 200 : 201, ToJson(saved.value()));
}

http::Response DeleteHergebruik(Services& s, const Call& c) {
  Status st = s.adoptions.DeleteAsset(c.params.Id("id"), c.params.Id("hergebruikId"), c.actor);
  if (!st.ok()) return Problem(st.error(), c.req.path);
  return NoContent();
}

http::Response BeslisKopie(Services& s, const Call& c) {
  http::Response res;
  int64_t id = c.params.Id("adoptieId"), expected;
  json body;
  if (!ReadVersion(c, &expected, &res) || !ReadBody(c, &body, &res)) return res;
  std::vector<FieldProblem> problems;
  bool allow = false;
  JsonReader rd(body, &problems);
  const json* v = rd.Find("toestaan");
  if (!v || !v->is_boolean()) rd.Bad("toestaan", "is verplicht: true (kopie maken) of false (weigeren)");
  else allow = v->get<bool>();
  rd.RejectUnknown();
  if (!problems.empty()) return Problem(Invalid("Er is niet beslist over de kopie.", std::move(problems)), c.req.path);
  return AdoptionAnswer(s.adoptions.DecideCopy(id, allow, expected, c.actor), c, 200);
}

}  // namespace koers::api
