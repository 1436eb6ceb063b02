// Handlers of steering: /api/v1/innovaties/{id}/beoordelingen, onzekerheden,
// businesscase, pitch, sturing, and /api/v1/organisaties/{code}/funnel,
// sturing and volwassenheid.
#include <charconv>
#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_params.hpp"
#include "app/not_found.hpp"
#include "app/steering.hpp"
#include "domain/json_reader.hpp"
#include "domain/learning_json.hpp"
#include "domain/steering_json.hpp"

namespace koers::api {
namespace {

using nlohmann::json;


json ReviewJson(const Review& r) { return ToJson(r); }
json UncertaintyJson(const Uncertainty& u) { return ToJson(u); }
json MaturityJson(const MaturityEntry& m) { return ToJson(m); }
json PitchJson(const Pitch& p) { return ToJson(p); }

json BusinessCaseJson(const BusinessCase& b, double default_rate) {
  json out = ToJson(b);
  auto t = Totals(b, default_rate);
  out["totalen"] = {{"kostenExtern", t.kosten_extern},
                    {"interneUren", t.interne_uren},
                    {"kostenIntern", t.kosten_intern},
                    {"uurtarief", b.uurtarief.value_or(default_rate)},
                    {"batenPerJaar", t.baten_per_jaar},
                    {"gerealiseerdPerJaar", t.iets_gerealiseerd ? json(t.gerealiseerd_per_jaar) : json(nullptr)},
                    {"besparingPerJaar", t.besparing_per_jaar},
                    {"terugverdientijdJaren", t.terugverdientijd_jaren ? json(*t.terugverdientijd_jaren) : json(nullptr)}};
  return out;
}

// The draft review waiting for the stuurgroep, as a card shows it.
json WaitingJson(const FunnelCard& k) {
  if (!k.ter_besluit) return nullptr;
  const Review& r = *k.ter_besluit;
  std::string href = "/api/v1/innovaties/" + std::to_string(k.id) + "/beoordelingen/" + std::to_string(r.id);
  return {{"id", r.id},
          {"fase", r.fase},
          {"voorstel", OrNull(r.besluit)},
          {"opgesteldDoor", OrNull(r.opgesteld_door)},
          {"opgesteldOp", OrNull(r.opgesteld_op)},
          {"_links", {{"self", {{"href", href}}}}}};
}

json CardJson(const FunnelCard& k) {
  return {{"id", k.id},
          {"titel", k.titel},
          {"fase", k.fase},
          {"status", k.status},
          {"dagenInFase", std::round(k.dagen_in_fase)},
          {"volgendeBeoordeling", k.volgende_beoordeling.empty() ? json(nullptr) : json(k.volgende_beoordeling)},
          {"achterstallig", k.achterstallig},
          {"laatsteBesluit", k.laatste_besluit.empty() ? json(nullptr) : json(k.laatste_besluit)},
          {"terBesluit", WaitingJson(k)},
          {"terugblik", ToJson(k.terugblik)}};
}

}  // namespace

http::Response ListBeoordelingen(Services& s, const Call& c) {
  int64_t id = c.params.Id("id");
  auto list = s.steering.Reviews(id, c.actor);
  if (!list.ok()) return Problem(list.error(), c.req.path);
  json items = json::array();
  for (const auto& r : list.value()) items.push_back(ToJson(r));
  return JsonResponse(200, json{{"_embedded", {{"beoordelingen", std::move(items)}}}});
}

http::Response CreateBeoordeling(Services& s, const Call& c) {
  http::Response res;
  int64_t id = c.params.Id("id");
  json body;
  if (!ReadBody(c, &body, &res)) return res;
  Review r;
  auto problems = FromJson(body, &r);
  auto created = s.steering.CreateReview(id, std::move(r), c.actor, std::move(problems));
  res = Answer(created, c, 201, &ReviewJson);
  if (created.ok())
    res.SetHeader("Location", "/api/v1/innovaties/" + std::to_string(id) + "/beoordelingen/" + std::to_string(created.value().id));
  return res;
}

http::Response GetBeoordeling(Services& s, const Call& c) {
  http::Response res;
  int64_t id = c.params.Id("id"), rid = c.params.Id("beoordelingId");
  auto r = s.steering.GetReview(id, rid, c.actor);
  res = Answer(r, c, 200, &ReviewJson);
  if (r.ok()) res = WithVersion(std::move(res), r.value().versie);
  return res;
}

http::Response PatchBeoordeling(Services& s, const Call& c) {
  http::Response res;
  int64_t id = c.params.Id("id"), rid = c.params.Id("beoordelingId"), expected;
  json body;
  if (!ReadVersion(c, &expected, &res)) return res;
  if (!ReadBody(c, &body, &res, true)) return res;
  auto current = s.steering.GetReview(id, rid, c.actor);
  if (!current.ok()) return Problem(current.error(), c.req.path);
  Review r = current.value();
  auto problems = FromJson(body, &r);
  return Answer(s.steering.UpdateReview(id, rid, std::move(r), expected, c.actor, std::move(problems)), c, 200,
                &ReviewJson);
}

http::Response DeleteBeoordeling(Services& s, const Call& c) {
  int64_t id = c.params.Id("id"), rid = c.params.Id("beoordelingId");
  Status st = s.steering.DeleteReview(id, rid, c.actor);
  if (!st.ok()) return Problem(st.error(), c.req.path);
  return NoContent();
}

http::Response VaststellenBeoordeling(Services& s, const Call& c) {
  http::Response res;
  int64_t id = c.params.Id("id"), rid = c.params.Id("beoordelingId");
  json body = json::object();
  if (!c.req.body.empty() && !ReadBody(c, &body, &res)) return res;
  auto current = s.steering.GetReview(id, rid, c.actor);
  if (!current.ok()) return Problem(current.error(), c.req.path);
  Review r = current.value();
  auto problems = FromJson(body, &r);
  return Answer(s.steering.Decide(id, rid, std::move(r), c.actor, std::move(problems)), c, 200, &ReviewJson);
}

http::Response ListOnzekerheden(Services& s, const Call& c) {
  int64_t id = c.params.Id("id");
  auto list = s.steering.Uncertainties(id, c.actor);
  if (!list.ok()) return Problem(list.error(), c.req.path);
  json items = json::array();
  for (const auto& u : list.value()) items.push_back(ToJson(u));
  return JsonResponse(200, json{{"_embedded", {{"onzekerheden", std::move(items)}}}});
}

http::Response CreateOnzekerheid(Services& s, const Call& c) {
  http::Response res;
  int64_t id = c.params.Id("id");
  json body;
  if (!ReadBody(c, &body, &res)) return res;
  Uncertainty u;
  u.status = "open";
  auto problems = FromJson(body, &u);
  u.id = 0;
  return Answer(s.steering.SaveUncertainty(id, std::move(u), c.actor, std::move(problems)), c, 201, &UncertaintyJson);
}

http::Response ReplaceOnzekerheid(Services& s, const Call& c) {
  http::Response res;
  int64_t id = c.params.Id("id"), uid = c.params.Id("onzekerheidId");
  json body;
  if (!ReadBody(c, &body, &res)) return res;
  Uncertainty u;
  u.status = "open";
  auto problems = FromJson(body, &u);
  u.id = uid;
  return Answer(s.steering.SaveUncertainty(id, std::move(u), c.actor, std::move(problems)), c, 200, &UncertaintyJson);
}

http::Response DeleteOnzekerheid(Services& s, const Call& c) {
  int64_t id = c.params.Id("id"), uid = c.params.Id("onzekerheidId");
  Status st = s.steering.DeleteUncertainty(id, uid, c.actor);
  if (!st.ok()) return Problem(st.error(), c.req.path);
  return NoContent();
}

http::Response GetBusinesscase(Services& s, const Call& c) {
  http::Response res;
  int64_t id = c.params.Id("id");
  auto b = s.steering.GetBusinessCase(id, c.actor);
  res = b.ok() ? JsonResponse(200, BusinessCaseJson(b.value(), s.options.uurtarief)) : Problem(b.error(), c.req.path);
  if (b.ok()) res = WithVersion(std::move(res), b.value().versie);
  return res;
}

http::Response ReplaceBusinesscase(Services& s, const Call& c) {
  http::Response res;
  int64_t id = c.params.Id("id"), expected;
  json body;
  if (!ReadVersion(c, &expected, &res)) return res;
  if (!ReadBody(c, &body, &res)) return res;
  BusinessCase b;
  auto problems = FromJson(body, &b);
  auto saved = s.steering.SaveBusinessCase(id, std::move(b), expected, c.actor, std::move(problems));
  res = saved.ok() ? JsonResponse(200, BusinessCaseJson(saved.value(), s.options.uurtarief))
                   : Problem(saved.error(), c.req.path);
  if (saved.ok()) res = WithVersion(std::move(res), saved.value().versie);
  return res;
}

http::Response GetPitch(Services& s, const Call& c) {
  int64_t id = c.params.Id("id");
  auto list = s.steering.Pitches(id, c.actor);
  if (!list.ok()) return Problem(list.error(), c.req.path);
  json versions = json::array();
  for (const auto& p : list.value()) versions.push_back(ToJson(p));
  return JsonResponse(200, json{{"huidig", list.value().empty() ? json(nullptr) : ToJson(list.value().front())},
                                {"versies", std::move(versions)}});
}

http::Response CreatePitch(Services& s, const Call& c) {
  http::Response res;
  int64_t id = c.params.Id("id");
  json body;
  if (!ReadBody(c, &body, &res)) return res;
  Pitch p;
  auto problems = FromJson(body, &p);
  return Answer(s.steering.AddPitch(id, std::move(p), c.actor, std::move(problems)), c, 201, &PitchJson);
}

http::Response GetSturing(Services& s, const Call& c) {
  int64_t id = c.params.Id("id");
  auto f = s.steering.Facts(id, c.actor);
  if (!f.ok()) return Problem(f.error(), c.req.path);
  json phases = json::array();
  for (const auto& t : f.value().tijd_per_fase)
    phases.push_back({{"fase", t.fase}, {"dagen", std::round(t.dagen)}, {"huidig", t.huidig}});
  const auto& lt = f.value().doorlooptijd;
  json expected = lt.verwacht ? json{{"minJaren", lt.verwacht->min}, {"maxJaren", lt.verwacht->max}} : json(nullptr);
  return JsonResponse(200, json{{"tijdPerFase", std::move(phases)},
                                {"doorlooptijd",
                                 {{"jaren", std::round(lt.jaren * 100) / 100},
                                  {"implementatieBereikt", lt.bereikt},
                                  {"verwacht", std::move(expected)},
                                  {"overschreden", lt.overschreden}}},
                                {"volgendeBeoordeling", f.value().volgende_beoordeling.empty()
                                                            ? json(nullptr)
                                                            : json(f.value().volgende_beoordeling)},
                                {"achterstallig", f.value().achterstallig},
                                {"terugblik", ToJson(f.value().terugblik)}});
}

http::Response GetFunnel(Services& s, const Call& c) {
  auto o = s.steering.ForOrganisation(c.params.Get("code"), c.actor);
  if (!o.ok()) return Problem(o.error(), c.req.path);
  json columns = json::array();
  for (const char* fase : {"idee", "ontwikkeling", "implementatie", "opschaling"}) {
    json cards = json::array();
    for (const auto& k : o.value().kaarten)
      if (k.fase == fase) cards.push_back(CardJson(k));
    columns.push_back({{"fase", fase}, {"kaarten", std::move(cards)}});
  }
  return JsonResponse(200, json{{"organisatie", c.params.Get("code")}, {"kolommen", std::move(columns)}});
}

http::Response GetOrganisatieSturing(Services& s, const Call& c) {
  auto o = s.steering.ForOrganisation(c.params.Get("code"), c.actor);
  if (!o.ok()) return Problem(o.error(), c.req.path);
  const auto& ov = o.value().overzicht;
  json medians = json::array();
  for (const char* fase : {"idee", "ontwikkeling", "implementatie", "opschaling"}) {
    auto m = ov.mediaan_dagen.count(fase) ? ov.mediaan_dagen.at(fase) : std::nullopt;
    medians.push_back({{"fase", fase},
                       {"mediaanDagen", m ? json(std::round(*m * 10) / 10) : json(nullptr)},
                       {"n", ov.afgeronde_verblijven.count(fase) ? ov.afgeronde_verblijven.at(fase) : 0}});
  }
  json overdue = json::array();
  for (const auto& k : o.value().achterstallig) overdue.push_back(CardJson(k));
  json waiting = json::array();
  for (const auto& k : o.value().ter_besluit) waiting.push_back(CardJson(k));
  json looking_back = json::array();
  for (const auto& k : o.value().terugblik_te_laat) looking_back.push_back(CardJson(k));
  json decisions = json::array();
  for (const auto& [r, titel] : o.value().besluiten_kwartaal)
    decisions.push_back({{"innovatie", r.innovatie_id},
                         {"titel", titel},
                         {"fase", r.fase},
                         {"besluit", r.besluit},
                         {"vastgesteldOp", r.vastgesteld_op},
                         {"motivering", r.motivering}});
  json conversion = {{"gestartInIdee", ov.gestart_in_idee}, {"implementatieBereikt", ov.idee_naar_implementatie}};
  conversion["percentage"] =
      ov.gestart_in_idee ? json(std::round(1000.0 * ov.idee_naar_implementatie / ov.gestart_in_idee) / 10) : json(nullptr);
  return JsonResponse(200, json{{"organisatie", c.params.Get("code")},
                                {"totaal", o.value().kaarten.size()},
                                {"perFase", ov.per_fase},
                                {"perStatus", ov.per_status},
                                {"conversieIdeeNaarImplementatie", std::move(conversion)},
                                {"mediaanTijdPerFase", std::move(medians)},
                                {"achterstalligeBeoordelingen", std::move(overdue)},
                                {"terBesluit", std::move(waiting)},
                                {"terugblikkenTeLaat", std::move(looking_back)},
                                {"besluitenLaatsteKwartaal", std::move(decisions)}});
}

http::Response ListVolwassenheid(Services& s, const Call& c) {
  auto list = s.steering.Maturity(c.params.Get("code"), c.actor);
  if (!list.ok()) return Problem(list.error(), c.req.path);
  json items = json::array();
  for (const auto& m : list.value()) items.push_back(ToJson(m));
  return JsonResponse(200, json{{"huidig", list.value().empty() ? json(nullptr) : ToJson(list.value().front())},
                                {"_embedded", {{"volwassenheid", std::move(items)}}}});
}

http::Response CreateVolwassenheid(Services& s, const Call& c) {
  http::Response res;
  json body;
  if (!ReadBody(c, &body, &res)) return res;
  MaturityEntry m;
  auto problems = FromJson(body, &m);
  return Answer(s.steering.AddMaturity(c.params.Get("code"), std::move(m), c.actor, std::move(problems)), c, 201,
                &MaturityJson);
}

}  // namespace koers::api
