// Handlers of learning: /api/v1/lessen (across organisations, with its
// export), /api/v1/lessen/{lesId}, per innovation lessen,
// lessen-van-anderen, terugblikken, terugblikritme and uitnodigingen, and
// a critical friend's /api/v1/uitnodigingen.
#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "api/export.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_params.hpp"
#include "app/learning.hpp"
#include "domain/learning_json.hpp"
#include "domain/vocabulary.hpp"

namespace koers::api {
namespace {

using nlohmann::json;

json LesJson(const LessonView& v) {
  json out = ToJson(v.les);
  const std::string innovation = "/api/v1/innovaties/" + std::to_string(v.les.innovatie_id);
  out["innovatie"] = {{"id", v.les.innovatie_id},
                      {"titel", v.innovatie_titel ? json(*v.innovatie_titel) : json(nullptr)},
                      {"organisatie", v.organisatie},
                      {"organisatieNaam", v.organisatie_naam}};
  out["redenen"] = v.redenen;
  json fragment = json::array();
  for (const auto& f : v.fragment) fragment.push_back({{"tekst", f.tekst}, {"treffer", f.treffer}});
  out["fragment"] = std::move(fragment);
  out["wijzigbaar"] = v.wijzigbaar;
  json links = {{"self", {{"href", "/api/v1/lessen/" + std::to_string(v.les.id)}}}};
  if (v.innovatie_titel) links["innovatie"] = {{"href", innovation}};
  out["_links"] = std::move(links);
  return out;
}

json LessenJson(const std::vector<LessonView>& views) {
  json items = json::array();
  for (const auto& v : views) items.push_back(LesJson(v));
  return json{{"_embedded", {{"lessen", std::move(items)}}}};
}

json TerugblikJson(const ActionReviewView& v) {
  json out = ToJson(v.terugblik);
  json lessons = json::array();
  for (const auto& l : v.lessen) lessons.push_back(LesJson(l));
  out["lessen"] = std::move(lessons);
  out["_links"] = {{"self", {{"href", "/api/v1/innovaties/" + std::to_string(v.terugblik.innovatie_id) +
                                          "/terugblikken/" + std::to_string(v.terugblik.id)}}}};
  return out;
}

json RitmeJson(const ActionReviewOverview& o) {
  json out = ToJson(o.ritme);
  out["volgende"] = ToJson(o.volgende);
  return out;
}

// A person's address is not shown: the team knows the friend by name, the
// friend knows their own. The friend sees no names of the team: who
// invited them and who wrote what stay with the team.
json UitnodigingJson(const InvitationView& v, bool for_friend = false) {
  json out = ToJson(v.uitnodiging);
  out.erase("email");
  if (for_friend) out["auteur"] = nullptr;
  out["open"] = v.open;
  out["innovatie"] = {{"id", v.uitnodiging.innovatie_id},
                      {"titel", v.innovatie_titel},
                      {"organisatie", v.organisatie},
                      {"organisatieNaam", v.organisatie_naam}};
  json comments = json::array();
  for (const auto& c : v.commentaar) comments.push_back(ToJson(c));
  out["commentaar"] = std::move(comments);
  out["_links"] = {{"self", {{"href", "/api/v1/uitnodigingen/" + std::to_string(v.uitnodiging.id)}}}};
  return out;
}

json UitnodigingenJson(const std::vector<InvitationView>& views, bool for_friend = false) {
  json items = json::array();
  for (const auto& v : views) items.push_back(UitnodigingJson(v, for_friend));
  return json{{"_embedded", {{"uitnodigingen", std::move(items)}}}};
}

LessonSearch ReadSearch(QueryReader& q, const Knowledge& k, std::vector<FieldProblem>* problems) {
  LessonSearch search;
  search.text = q.Text("q");
  if (search.text.size() > 500) problems->push_back({"q", "gebruik hoogstens 500 tekens"});
  const std::string cluster = q.Text("cluster");
  if (!cluster.empty() && !k.LessonCluster(cluster)) problems->push_back({"cluster", "is geen cluster van lessen"});
  search.filters["cluster"] = cluster;
  search.filters["hoe"] = q.Text("hoe", &vocab::kHoeGeleerd);
  search.filters["fase"] = q.Text("fase", &vocab::kFase);
  search.filters["soort"] = q.Text("soort", &vocab::kLesSoort);
  search.filters["succesfactor"] = q.Text("succesfactor");
  search.filters["organisatie"] = q.Text("organisatie");
  search.filters["vorm"] = q.Text("vorm", &vocab::kLesVorm);
  return search;
}

std::string FacetLabel(Services& s, const std::string& facet, const std::string& value) {
  if (facet == "cluster") {
    const KnowledgeItem* c = s.learning.knowledge().LessonCluster(value);
    return c ? c->naam : value;
  }
  if (facet == "hoe") return std::string(vocab::kHoeGeleerd.Label(value));
  if (facet == "fase") return std::string(vocab::kFase.Label(value));
  if (facet == "soort") return std::string(vocab::kLesSoort.Label(value));
  auto org = s.reg.GetOrganisation(value);
  return org.ok() ? org.value().naam : value;
}

}  // namespace

http::Response ListLessen(Services& s, const Call& c) {
  QueryReader q(c.req, {"q", "cluster", "hoe", "fase", "soort", "succesfactor", "organisatie", "vorm", "pagina",
                        "paginaGrootte"});
  std::vector<FieldProblem> problems;
  LessonSearch search = ReadSearch(q, s.learning.knowledge(), &problems);
  PageRequest page = q.Page();
  if (!q.ok()) return Problem(q.error(), c.req.path);
  if (!problems.empty()) return Problem(Invalid("De zoekvraag klopt niet.", std::move(problems)), c.req.path);
  Error limited;
  if (!search.text.empty() && !WithinLimit(s, "zoeken:" + ClientKey(c), s.options.search_per_client, &limited))
    return Problem(limited, c.req.path);
  search.offset = (page.pagina - 1) * page.pagina_grootte;
  search.limit = page.pagina_grootte;
  auto found = s.learning.Search(search, c.actor);
  if (!found.ok()) return Problem(found.error(), c.req.path);
  json facets = json::object();
  json how = {{"tijdensWerk", 0}, {"vanAnderen", 0}, {"formeel", 0}};
  for (const auto& [name, counts] : found.value().facetten) {
    json list = json::array();
    for (const auto& f : counts) {
      list.push_back({{"waarde", f.waarde}, {"label", FacetLabel(s, name, f.waarde)}, {"aantal", f.aantal}});
      if (name == "hoe") {
        if (f.waarde == "tijdens_werk") how["tijdensWerk"] = f.aantal;
        if (f.waarde == "van_anderen") how["vanAnderen"] = f.aantal;
        if (f.waarde == "formeel") how["formeel"] = f.aantal;
      }
    }
    facets[name] = std::move(list);
  }
  json body = LessenJson(found.value().items);
  body["_links"] = PageLinks(c.req, page, found.value().totaal);
  body["totaal"] = found.value().totaal;
  body["pagina"] = page.pagina;
  body["paginaGrootte"] = page.pagina_grootte;
  body["facetten"] = std::move(facets);
  body["hoeGeleerd"] = std::move(how);
  return JsonResponse(200, body);
}

http::Response ExportLessen(Services& s, const Call& c) {
  std::initializer_list<std::string_view> keys = {"q",   "cluster",     "hoe",    "fase",   "soort",
                                                  "succesfactor", "organisatie", "vorm", "formaat"};
  http::Response res;
  std::string formaat;
  if (!ExportFormat(s, c, keys, &formaat, &res)) return res;
  QueryReader q(c.req, keys);
  std::vector<FieldProblem> problems;
  LessonSearch search = ReadSearch(q, s.learning.knowledge(), &problems);
  if (!q.ok()) return Problem(q.error(), c.req.path);
  if (!problems.empty()) return Problem(Invalid("De zoekvraag klopt niet.", std::move(problems)), c.req.path);
  auto writer = TableWriter::Open(formaat, "lessen",
                                  {"id", "tekst", "cluster", "hoe", "fase", "soort", "succesfactoren", "tags",
                                   "datum", "organisatie", "organisatieNaam", "innovatieId", "innovatie",
                                   "zichtbaarheid"});
  if (!writer.ok()) return Problem(writer.error(), c.req.path);
  search.limit = 200;
  auto next = [&s, actor = c.actor, search, done = false]() mutable -> Result<Rows> {
    if (done) return Rows{};
    auto page = s.learning.Search(search, actor);
    if (!page.ok()) return page.error();
    search.offset += search.limit;
    done = search.offset >= page.value().totaal;
    auto text = [](const std::string& v) { return v.empty() ? ExportCell{} : ExportCell{v}; };
    auto list = [](const std::vector<std::string>& v) {
      std::string joined;
      for (const auto& x : v) joined += (joined.empty() ? "" : ", ") + x;
      return joined.empty() ? ExportCell{} : ExportCell{joined};
    };
    Rows rows;
    for (const auto& v : page.value().items) {
      const Lesson& l = v.les;
      rows.push_back({static_cast<double>(l.id), l.tekst, text(l.cluster), text(l.hoe), text(l.fase), text(l.soort),
                      list(l.succesfactoren), list(l.tags), text(l.datum), v.organisatie, text(v.organisatie_naam),
                      v.innovatie_titel ? ExportCell{static_cast<double>(l.innovatie_id)} : ExportCell{},
                      v.innovatie_titel ? ExportCell{*v.innovatie_titel} : ExportCell{}, l.zichtbaarheid});
    }
    return rows;
  };
  auto first = next();
  if (!first.ok()) return Problem(first.error(), c.req.path);
  return StreamedTable(std::move(writer).value(), std::move(first).value(), next);
}

http::Response GetLes(Services& s, const Call& c) {
  auto v = s.learning.GetLesson(c.params.Id("lesId"), c.actor);
  if (!v.ok()) return Problem(v.error(), c.req.path);
  return WithVersion(JsonResponse(200, LesJson(v.value())), v.value().les.versie);
}

http::Response ReplaceLes(Services& s, const Call& c) {
  http::Response res;
  json body;
  int64_t version = 0;
  if (!ReadVersion(c, &version, &res) || !ReadBody(c, &body, &res)) return res;
  Lesson l;
  auto problems = FromJson(body, &l);
  auto v = s.learning.UpdateLesson(c.params.Id("lesId"), std::move(l), version, c.actor, std::move(problems));
  if (!v.ok()) return Problem(v.error(), c.req.path);
  return WithVersion(JsonResponse(200, LesJson(v.value())), v.value().les.versie);
}

http::Response DeleteLes(Services& s, const Call& c) {
  Status st = s.learning.DeleteLesson(c.params.Id("lesId"), c.actor);
  if (!st.ok()) return Problem(st.error(), c.req.path);
  return NoContent();
}

http::Response ListInnovatieLessen(Services& s, const Call& c) {
  return Answer(s.learning.Lessons(c.params.Id("id"), c.actor), c, 200, &LessenJson);
}

http::Response CreateLes(Services& s, const Call& c) {
  http::Response res;
  json body;
  if (!ReadBody(c, &body, &res)) return res;
  Lesson l;
  auto problems = FromJson(body, &l);
  auto v = s.learning.CreateLesson(c.params.Id("id"), std::move(l), c.actor, std::move(problems));
  if (!v.ok()) return Problem(v.error(), c.req.path);
  res = WithVersion(JsonResponse(201, LesJson(v.value())), v.value().les.versie);
  res.SetHeader("Location", "/api/v1/lessen/" + std::to_string(v.value().les.id));
  return res;
}

http::Response LessenVanAnderen(Services& s, const Call& c) {
  QueryReader q(c.req, {"aantal"});
  int limit = q.Int("aantal", 5, 1, 20);
  if (!q.ok()) return Problem(q.error(), c.req.path);
  return Answer(s.learning.ForGate(c.params.Id("id"), c.actor, limit), c, 200, &LessenJson);
}

http::Response ListTerugblikken(Services& s, const Call& c) {
  auto o = s.learning.ActionReviews(c.params.Id("id"), c.actor);
  if (!o.ok()) return Problem(o.error(), c.req.path);
  json items = json::array();
  for (const auto& r : o.value().terugblikken) items.push_back(TerugblikJson(r));
  return JsonResponse(200, json{{"ritme", RitmeJson(o.value())},
                                {"volgende", ToJson(o.value().volgende)},
                                {"_embedded", {{"terugblikken", std::move(items)}}}});
}

http::Response CreateTerugblik(Services& s, const Call& c) {
  http::Response res;
  json body;
  if (!ReadBody(c, &body, &res)) return res;
  ActionReview r;
  auto problems = FromJson(body, &r);
  r.id = 0;
  auto v = s.learning.SaveActionReview(c.params.Id("id"), std::move(r), 0, c.actor, std::move(problems));
  if (!v.ok()) return Problem(v.error(), c.req.path);
  return WithVersion(JsonResponse(201, TerugblikJson(v.value())), v.value().terugblik.versie);
}

http::Response GetTerugblik(Services& s, const Call& c) {
  auto v = s.learning.GetActionReview(c.params.Id("id"), c.params.Id("terugblikId"), c.actor);
  if (!v.ok()) return Problem(v.error(), c.req.path);
  return WithVersion(JsonResponse(200, TerugblikJson(v.value())), v.value().terugblik.versie);
}

http::Response ReplaceTerugblik(Services& s, const Call& c) {
  http::Response res;
  json body;
  int64_t version = 0;
  if (!ReadVersion(c, &version, &res) || !ReadBody(c, &body, &res)) return res;
  ActionReview r;
  auto problems = FromJson(body, &r);
  r.id = c.params.Id("terugblikId");
  auto v = s.learning.SaveActionReview(c.params.Id("id"), std::move(r), version, c.actor, std::move(problems));
  if (!v.ok()) return Problem(v.error(), c.req.path);
  return WithVersion(JsonResponse(200, TerugblikJson(v.value())), v.value().terugblik.versie);
}

http::Response DeleteTerugblik(Services& s, const Call& c) {
  Status st = s.learning.DeleteActionReview(c.params.Id("id"), c.params.Id("terugblikId"), c.actor);
  if (!st.ok()) return Problem(st.error(), c.req.path);
  return NoContent();
}

http::Response GetTerugblikritme(Services& s, const Call& c) {
  auto o = s.learning.ActionReviews(c.params.Id("id"), c.actor);
  if (!o.ok()) return Problem(o.error(), c.req.path);
  return WithVersion(JsonResponse(200, RitmeJson(o.value())), o.value().ritme.versie);
}

http::Response ReplaceTerugblikritme(Services& s, const Call& c) {
  http::Response res;
  json body;
  int64_t version = 0;
  if (!ReadVersion(c, &version, &res) || !ReadBody(c, &body, &res)) return res;
  ReviewCadence r;
  auto problems = FromJson(body, &r);
  auto o = s.learning.SaveCadence(c.params.Id("id"), std::move(r), version, c.actor, std::move(problems));
  if (!o.ok()) return Problem(o.error(), c.req.path);
  return WithVersion(JsonResponse(200, RitmeJson(o.value())), o.value().ritme.versie);
}

http::Response ListUitnodigingen(Services& s, const Call& c) {
  auto list = s.learning.Invitations(c.params.Id("id"), c.actor);
  if (!list.ok()) return Problem(list.error(), c.req.path);
  return JsonResponse(200, UitnodigingenJson(list.value()));
}

http::Response CreateUitnodiging(Services& s, const Call& c) {
  http::Response res;
  json body;
  if (!ReadBody(c, &body, &res)) return res;
  Invitation inv;
  auto problems = FromJson(body, &inv);
  auto v = s.learning.Invite(c.params.Id("id"), std::move(inv), c.actor, std::move(problems));
  if (!v.ok()) return Problem(v.error(), c.req.path);
  return JsonResponse(201, UitnodigingJson(v.value()));
}

http::Response DeleteUitnodiging(Services& s, const Call& c) {
  Status st = s.learning.Withdraw(c.params.Id("id"), c.params.Id("uitnodigingId"), c.actor);
  if (!st.ok()) return Problem(st.error(), c.req.path);
  return NoContent();
}

http::Response MijnUitnodigingen(Services& s, const Call& c) {
  auto list = s.learning.MyInvitations(c.actor);
  if (!list.ok()) return Problem(list.error(), c.req.path);
  return JsonResponse(200, UitnodigingenJson(list.value(), true));
}

http::Response GetGedeeld(Services& s, const Call& c) {
  auto v = s.learning.Shared(c.params.Id("uitnodigingId"), c.actor);
  if (!v.ok()) return Problem(v.error(), c.req.path);
  const Innovation& in = v.value().innovatie;
  json reviews = json::array(), lessons = json::array();
  for (const auto& r : v.value().terugblikken) reviews.push_back(ToJson(r));
  for (const auto& l : v.value().lessen) lessons.push_back(ToJson(l));
  for (json* list : {&reviews, &lessons})
    for (auto& item : *list) item["auteur"] = nullptr;
  return JsonResponse(200, json{{"uitnodiging", UitnodigingJson(v.value().uitnodiging, true)},
                                {"innovatie",
                                 {{"id", in.id},
                                  {"titel", in.titel},
                                  {"samenvatting", in.samenvatting},
                                  {"opgave", in.opgave},
                                  {"doel", in.doel},
                                  {"fase", in.fase},
                                  {"status", in.status},
                                  {"organisatie", in.organisatie},
                                  {"organisatieNaam", v.value().uitnodiging.organisatie_naam}}},
                                {"terugblikken", std::move(reviews)},
                                {"lessen", std::move(lessons)}});
}

http::Response CreateCommentaar(Services& s, const Call& c) {
  http::Response res;
  json body;
  if (!ReadBody(c, &body, &res)) return res;
  FriendComment comment;
  auto problems = FromJson(body, &comment);
  auto v = s.learning.Comment(c.params.Id("uitnodigingId"), std::move(comment), c.actor, std::move(problems));
  if (!v.ok()) return Problem(v.error(), c.req.path);
  return JsonResponse(201, ToJson(v.value()));
}

}  // namespace koers::api
