// Handlers of /api/v1/innovaties.
#include <charconv>
#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_params.hpp"
#include "api/response_cache.hpp"
#include "app/not_found.hpp"
#include "app/register.hpp"
#include "domain/innovation_json.hpp"
#include "domain/json_reader.hpp"
#include "domain/vocabulary.hpp"

namespace koers::api {
namespace {


// Which accounts are on a team (their e-mail addresses) is for insiders
// only (domain/access.hpp).
nlohmann::json JsonFor(const Innovation& in, bool insider) {
  nlohmann::json j = ToJson(in);
  if (!insider) HideTeamAccounts(&j["team"]);
  return j;
}

bool Insider(Services& s, const Actor& actor, int64_t id) {
  auto header = s.reg.Header(id, actor);
  return header.ok() && IsInsider(actor, header.value().facts);
}

// The fields a body must name: a new innovation needs a title and an owner
// (fase, status and zichtbaarheid default to idee, actief and team, the
// narrowest); a replacement (PUT) names every required field and never
// falls back to a default, least of all a wider visibility.
void RequireFields(const nlohmann::json& body, bool replace, std::vector<FieldProblem>* problems) {
  std::vector<const char*> keys = {"titel", "organisatie"};
  if (replace) keys.insert(keys.end(), {"fase", "status", "zichtbaarheid"});
  for (const char* key : keys)
    if (!body.contains(key) || body[key].is_null()) problems->push_back({key, "is verplicht"});
}

}  // namespace

InnovationFilter ReadInnovationFilter(QueryReader& q) {
  InnovationFilter f;
  f.organisatie = q.Text("organisatie");
  f.domein = q.Text("domein", &vocab::kDomein);
  f.fase = q.Text("fase", &vocab::kFase);
  f.status = q.Text("status", &vocab::kStatus);
  f.innovatie_type = q.Text("innovatieType", &vocab::kInnovatieType);
  f.innovatie_niveau = q.Text("innovatieNiveau", &vocab::kInnovatieNiveau);
  f.analyse_niveau = q.Text("analyseNiveau", &vocab::kAnalyseNiveau);
  f.zichtbaarheid = q.Text("zichtbaarheid", &vocab::kZichtbaarheid);
  f.registry = q.Text("register");
  std::string sort = q.OneOf("sorteer", {"titel", "-titel", "gewijzigdOp", "-gewijzigdOp", "id", "-id"});
  if (!sort.empty()) f.sorteer = sort;
  return f;
}

http::Response ListInnovaties(Services& s, const Call& c) {
  const http::Request& req = c.req;
  QueryReader q(req, {"organisatie", "domein", "fase", "status", "innovatieType", "innovatieNiveau", "analyseNiveau",
                      "zichtbaarheid", "register", "sorteer", "pagina", "paginaGrootte"});
  InnovationFilter f = ReadInnovationFilter(q);
  PageRequest page = q.Page();
  if (!q.ok()) return Problem(q.error(), req.path);


  // The body depends on the data (change counter) and on the request's
  // parameters, which also shape the links.
  auto counter = s.reg.ChangeCounter();
  if (!counter.ok()) return Problem(counter.error(), req.path);
  std::string key = "innovaties:" + std::to_string(counter.value()) + ":" + ViewerKey(c.actor) + ":" + req.target;
  if (auto body = s.cache.Get(key)) return JsonResponse(200, std::move(body));

  auto list = s.reg.List(f, page, c.actor);
  if (!list.ok()) return Problem(list.error(), req.path);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& in : list.value().items) items.push_back(ToSummaryJson(in));
  auto body = std::make_shared<const std::string>(
      nlohmann::json{{"_links", PageLinks(req, page, list.value().totaal)},
                     {"totaal", list.value().totaal},
                     {"pagina", page.pagina},
                     {"paginaGrootte", page.pagina_grootte},
                     {"_embedded", {{"innovaties", std::move(items)}}}}
          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  s.cache.Put(key, body);
  return JsonResponse(200, std::move(body));
}

http::Response GetInnovatie(Services& s, const Call& c) {
  const http::Request& req = c.req;
  int64_t id = c.params.Id("id");
  auto header = s.reg.Header(id, c.actor);
  if (!header.ok()) return Problem(Worded(header.error(), Missing::kInnovation), req.path);
  // One version of an innovation always renders the same for one kind of
  // viewer; the version bumps with every change to it.
  bool insider = IsInsider(c.actor, header.value().facts);
  const char* view = insider ? ":binnen" : ":buiten";
  std::string key = "innovatie:" + std::to_string(id) + ":" + std::to_string(header.value().versie) + view;
  auto body = s.cache.Get(key);
  int64_t versie = header.value().versie;
  if (!body) {
    auto in = s.reg.Get(id, c.actor);
    if (!in.ok()) return Problem(Worded(in.error(), Missing::kInnovation), req.path);
    versie = in.value().versie;
    body = std::make_shared<const std::string>(
        JsonFor(in.value(), insider).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    s.cache.Put("innovatie:" + std::to_string(id) + ":" + std::to_string(versie) + view, body);
  }
  return WithVersion(JsonResponse(200, std::move(body)), versie);
}

http::Response CreateInnovatie(Services& s, const Call& c) {
  http::Response res;
  nlohmann::json body;
  if (!ReadBody(c, &body, &res)) return res;
  Innovation in;
  in.fase = "idee";
  in.status = "actief";
  auto problems = FromJson(body, &in);
  RequireFields(body, false, &problems);
  auto stored = s.reg.Create(std::move(in), c.actor, std::move(problems));
  if (!stored.ok()) return Problem(stored.error(), c.req.path);
  res = WithVersion(JsonResponse(201, JsonFor(stored.value(), Insider(s, c.actor, stored.value().id))), stored.value().versie);
  res.SetHeader("Location", "/api/v1/innovaties/" + std::to_string(stored.value().id));
  return res;
}

namespace {
// PUT replaces every writable field; PATCH merges (RFC 7396) into the stored one.
http::Response Write(Services& s, const Call& c, bool merge) {
  const http::Request& req = c.req;
  http::Response res;
  int64_t id = c.params.Id("id"), expected;
  nlohmann::json body;
  if (!ReadVersion(c, &expected, &res) || !ReadBody(c, &body, &res, merge)) return res;
  auto current = s.reg.Get(id, c.actor);
  if (!current.ok()) return Problem(Worded(current.error(), Missing::kInnovation), req.path);
  Innovation in;
  std::vector<FieldProblem> problems;
  if (merge) {
    nlohmann::json merged = ToJson(current.value());
    merged.merge_patch(body);
    problems = FromJson(merged, &in);
  } else {
    problems = FromJson(body, &in);
    RequireFields(body, true, &problems);
  }
  if (!merge) in.bron = current.value().bron;  // the source of a record is not the client's to drop by omission
  std::string reden;
  if (body.contains("faseReden") && body["faseReden"].is_string())
    reden = body["faseReden"].get<std::string>();
  auto stored = s.reg.Replace(id, std::move(in), expected, c.actor, reden, std::move(problems));
  if (!stored.ok()) return Problem(stored.error(), req.path);
  return WithVersion(JsonResponse(200, JsonFor(stored.value(), Insider(s, c.actor, stored.value().id))),
                     stored.value().versie);
}
}  // namespace

http::Response ReplaceInnovatie(Services& s, const Call& c) { return Write(s, c, false); }

http::Response PatchInnovatie(Services& s, const Call& c) { return Write(s, c, true); }

http::Response BevestigInnovatie(Services& s, const Call& c) {
  http::Response res;
  int64_t expected;
  if (!ReadVersion(c, &expected, &res)) return res;
  auto stored = s.reg.Confirm(c.params.Id("id"), expected, c.actor);
  if (!stored.ok()) return Problem(Worded(stored.error(), Missing::kInnovation), c.req.path);
  return WithVersion(JsonResponse(200, JsonFor(stored.value(), Insider(s, c.actor, stored.value().id))),
                     stored.value().versie);
}

http::Response ListTeBevestigen(Services& s, const Call& c) {
  QueryReader q(c.req, {"pagina", "paginaGrootte"});
  PageRequest page = q.Page();
  if (!q.ok()) return Problem(q.error(), c.req.path);
  auto list = s.reg.Overdue(c.params.Get("code"), page, c.actor);
  if (!list.ok()) return Problem(list.error(), c.req.path);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& in : list.value().items) {
    nlohmann::json item = ToSummaryJson(in);
    item["laatstBevestigdOp"] = OrNull(in.bevestigd_op);
    item["herzienOp"] = OrNull(in.herzien_op);
    items.push_back(std::move(item));
  }
  return JsonResponse(200, nlohmann::json{{"_links", PageLinks(c.req, page, list.value().totaal)},
                                          {"totaal", list.value().totaal},
                                          {"pagina", page.pagina},
                                          {"paginaGrootte", page.pagina_grootte},
                                          {"_embedded", {{"innovaties", std::move(items)}}}});
}

http::Response DeleteInnovatie(Services& s, const Call& c) {
  Status st = s.reg.Delete(c.params.Id("id"), c.actor);
  if (!st.ok()) return Problem(Worded(st.error(), Missing::kInnovation), c.req.path);
  return NoContent();
}

}  // namespace koers::api
