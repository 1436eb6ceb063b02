// Handlers of /api/v1/gebruikers (accounts and their roles), /api/v1/tokens
// (personal API tokens) and /api/v1/audit (the audit trail).
#include <charconv>
#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_params.hpp"
#include "app/accounts.hpp"
#include "app/audit_trail.hpp"
#include "app/not_found.hpp"

namespace koers::api {

nlohmann::json UserJson(const User& u);  // sessie.cpp

namespace {


// Reads the allowed keys of a JSON object body; wrong types and unknown keys
// become problems.
class BodyReader {
 public:
  BodyReader(const nlohmann::json& body, std::initializer_list<const char*> allowed) : body_(body) {
    for (const auto& [k, v] : body.items()) {
      bool known = false;
      for (const char* a : allowed) known = known || k == a;
      if (!known) problems.push_back({k, "is geen bekend veld"});
    }
  }
  std::optional<std::string> Text(const char* key) {
    auto it = body_.find(key);
    if (it == body_.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) {
      problems.push_back({key, "moet tekst zijn"});
      return std::nullopt;
    }
    return it->get<std::string>();
  }
  std::optional<bool> Bool(const char* key) {
    auto it = body_.find(key);
    if (it == body_.end() || it->is_null()) return std::nullopt;
    if (!it->is_boolean()) {
      problems.push_back({key, "moet true of false zijn"});
      return std::nullopt;
    }
    return it->get<bool>();
  }
  std::vector<FieldProblem> problems;

 private:
  const nlohmann::json& body_;
};


nlohmann::json RoleJson(const RoleGrant& g) { return {{"id", g.id}, {"organisatie", g.organisatie}, {"rol", g.rol}}; }

nlohmann::json TokenJson(const ApiToken& t) {

  auto opt = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
  return {{"id", t.id},
          {"naam", t.naam},
          {"aangemaaktOp", t.aangemaakt_op},
          {"laatstGebruiktOp", opt(t.laatst_gebruikt_op)},
          {"ingetrokkenOp", opt(t.ingetrokken_op)}};
}

}  // namespace

http::Response ListGebruikers(Services& s, const Call& c) {
  QueryReader q(c.req, {"zoek", "pagina", "paginaGrootte"});
  std::string zoek = q.Text("zoek");
  PageRequest page = q.Page();
  if (!q.ok()) return Problem(q.error(), c.req.path);
  auto list = s.accounts.ListUsers(zoek, page, c.actor);
  if (!list.ok()) return Problem(list.error(), c.req.path);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& u : list.value().items) items.push_back(UserJson(u));
  return JsonResponse(200, nlohmann::json{{"_links", PageLinks(c.req, page, list.value().totaal)},
                                          {"totaal", list.value().totaal},
                                          {"pagina", page.pagina},
                                          {"paginaGrootte", page.pagina_grootte},
                                          {"_embedded", {{"gebruikers", std::move(items)}}}});
}

http::Response CreateGebruiker(Services& s, const Call& c) {
  http::Response res;
  nlohmann::json body;
  if (!ReadBody(c, &body, &res)) return res;
  BodyReader r(body, {"email", "naam", "wachtwoord", "organisatie", "rol", "landelijkBeheerder"});
  NewUser nu;
  nu.email = r.Text("email").value_or("");
  nu.naam = r.Text("naam").value_or("");
  nu.wachtwoord = r.Text("wachtwoord").value_or("");
  nu.organisatie = r.Text("organisatie").value_or("");
  nu.rol = r.Text("rol").value_or("");
  nu.landelijk_beheerder = r.Bool("landelijkBeheerder").value_or(false);
  if (!r.problems.empty()) return Problem(Invalid("De gebruiker is niet aangemaakt.", r.problems), c.req.path);
  auto user = s.accounts.CreateUser(nu, c.actor);
  if (!user.ok()) return Problem(user.error(), c.req.path);
  res = JsonResponse(201, UserJson(user.value()));
  res.SetHeader("Location", "/api/v1/gebruikers/" + std::to_string(user.value().id));
  return res;
}

http::Response GetGebruiker(Services& s, const Call& c) {
  auto user = s.accounts.GetUser(c.params.Id("id"), c.actor);
  if (!user.ok()) return Problem(user.error(), c.req.path);
  return JsonResponse(200, UserJson(user.value()));
}

http::Response PatchGebruiker(Services& s, const Call& c) {
  int64_t id = c.params.Id("id");
  http::Response res;
  nlohmann::json body;
  if (!ReadBody(c, &body, &res, true)) return res;
  BodyReader r(body, {"naam", "actief", "landelijkBeheerder", "wachtwoord"});
  UserPatch patch;
  patch.naam = r.Text("naam");
  patch.actief = r.Bool("actief");
  patch.landelijk_beheerder = r.Bool("landelijkBeheerder");
  patch.wachtwoord = r.Text("wachtwoord");
  if (!r.problems.empty()) return Problem(Invalid("De gebruiker is niet gewijzigd.", r.problems), c.req.path);
  auto user = s.accounts.UpdateUser(id, patch, c.actor);
  if (!user.ok()) return Problem(user.error(), c.req.path);
  return JsonResponse(200, UserJson(user.value()));
}

http::Response CreateRol(Services& s, const Call& c) {
  int64_t id = c.params.Id("id");
  http::Response res;
  nlohmann::json body;
  if (!ReadBody(c, &body, &res)) return res;
  BodyReader r(body, {"organisatie", "rol", "email"});
  std::string org = r.Text("organisatie").value_or("");
  std::string rol = r.Text("rol").value_or("");
  std::string email = r.Text("email").value_or("");
  if (!r.problems.empty()) return Problem(Invalid("De rol is niet toegekend.", r.problems), c.req.path);
  auto grant = s.accounts.AddRole(id, org, rol, c.actor, email);
  if (!grant.ok()) return Problem(grant.error(), c.req.path);
  res = JsonResponse(201, RoleJson(grant.value()));
  res.SetHeader("Location", "/api/v1/gebruikers/" + std::to_string(id) + "/rollen/" + std::to_string(grant.value().id));
  return res;
}

http::Response GetRol(Services& s, const Call& c) {
  auto user = s.accounts.GetUser(c.params.Id("id"), c.actor);
  if (!user.ok()) return Problem(user.error(), c.req.path);
  for (const auto& g : user.value().rollen)
    if (g.id == c.params.Id("rolId")) return JsonResponse(200, RoleJson(g));
  return Problem(NotFoundError(Missing::kRole), c.req.path);
}

http::Response DeleteRol(Services& s, const Call& c) {
  Status st = s.accounts.RemoveRole(c.params.Id("id"), c.params.Id("rolId"), c.actor);
  if (!st.ok()) return Problem(st.error(), c.req.path);
  return NoContent();
}

http::Response ListTokens(Services& s, const Call& c) {
  QueryReader q(c.req, {});
  if (!q.ok()) return Problem(q.error(), c.req.path);
  auto tokens = s.accounts.ListTokens(c.actor);
  if (!tokens.ok()) return Problem(tokens.error(), c.req.path);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& t : tokens.value()) items.push_back(TokenJson(t));
  return JsonResponse(200, nlohmann::json{{"_embedded", {{"tokens", std::move(items)}}}});
}

http::Response CreateToken(Services& s, const Call& c) {
  http::Response res;
  nlohmann::json body;
  if (!ReadBody(c, &body, &res)) return res;
  BodyReader r(body, {"naam"});
  std::string naam = r.Text("naam").value_or("");
  if (!r.problems.empty()) return Problem(Invalid("Het token is niet aangemaakt.", r.problems), c.req.path);
  auto token = s.accounts.CreateToken(naam, c.actor);
  if (!token.ok()) return Problem(token.error(), c.req.path);
  nlohmann::json out = TokenJson(token.value().first);
  out["token"] = token.value().second;  // shown once; Koers keeps only its hash
  res = JsonResponse(201, out);
  res.SetHeader("Location", "/api/v1/tokens/" + std::to_string(token.value().first.id));
  return res;
}

http::Response GetToken(Services& s, const Call& c) {
  auto tokens = s.accounts.ListTokens(c.actor);
  if (!tokens.ok()) return Problem(tokens.error(), c.req.path);
  for (const auto& t : tokens.value())
    if (t.id == c.params.Id("id")) return JsonResponse(200, TokenJson(t));
  return Problem(NotFoundError(Missing::kToken), c.req.path);
}

http::Response DeleteToken(Services& s, const Call& c) {
  Status st = s.accounts.RevokeToken(c.params.Id("id"), c.actor);
  if (!st.ok()) return Problem(st.error(), c.req.path);
  return NoContent();

}

http::Response ListAudit(Services& s, const Call& c) {
  QueryReader q(c.req, {"resource", "resourceId", "pagina", "paginaGrootte"});
  AuditFilter filter;
  filter.resource = q.Text("resource");
  filter.resource_id = q.Text("resourceId");
  PageRequest page = q.Page();
  if (!q.ok()) return Problem(q.error(), c.req.path);
  auto list = s.audit.List(filter, page, c.actor);
  if (!list.ok()) return Problem(list.error(), c.req.path);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& [e, masked] : list.value().items) {
    auto changes = nlohmann::json::parse(e.wijzigingen, nullptr, false);
    items.push_back({{"id", e.id},
                     {"op", e.op},
                     {"gebruiker", e.gebruiker},
                     {"gebruikerId", e.gebruiker_id ? nlohmann::json(e.gebruiker_id) : nlohmann::json(nullptr)},
                     {"organisatie", e.organisatie.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.organisatie)},
                     {"actie", e.actie},
                     {"resource", e.resource},
                     {"resourceId", e.resource_id},
                     {"resultaat", e.resultaat},
                     {"wijzigingen", changes.is_discarded() ? nlohmann::json::object() : changes},
                     {"afgeschermd", masked},
                     {"verzoekId", e.verzoek_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.verzoek_id)}});
  }
  return JsonResponse(200, nlohmann::json{{"_links", PageLinks(c.req, page, list.value().totaal)},
                                          {"totaal", list.value().totaal},
                                          {"pagina", page.pagina},
                                          {"paginaGrootte", page.pagina_grootte},
                                          {"_embedded", {{"audit", std::move(items)}}}});
}

}  // namespace koers::api

namespace koers::api {

http::Response ListVersies(Services& s, const Call& c) {
  QueryReader q(c.req, {"pagina", "paginaGrootte"});
  PageRequest page = q.Page();
  if (!q.ok()) return Problem(q.error(), c.req.path);
  auto list = s.audit.History(c.params.Id("id"), page, c.actor);
  if (!list.ok()) return Problem(Worded(list.error(), Missing::kInnovation), c.req.path);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& v : list.value().items)
    items.push_back({{"versie", v.nummer}, {"op", v.op}, {"door", v.door}, {"actie", v.actie}, {"wijzigingen", v.wijzigingen}});
  return JsonResponse(200, nlohmann::json{{"_links", PageLinks(c.req, page, list.value().totaal)},
                                          {"totaal", list.value().totaal},
                                          {"pagina", page.pagina},
                                          {"paginaGrootte", page.pagina_grootte},
                                          {"_embedded", {{"versies", std::move(items)}}}});
}

}  // namespace koers::api
