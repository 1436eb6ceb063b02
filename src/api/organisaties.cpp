// Handlers of /api/v1/organisaties.
#include <nlohmann/json.hpp>

#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_params.hpp"
#include "app/register.hpp"
#include "domain/vocabulary.hpp"

namespace koers::api {
namespace {
nlohmann::json ToJson(const Organisation& o) {
  return {{"code", o.code},
          {"naam", o.naam},
          {"soort", o.soort},
          {"tooi", o.tooi.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.tooi)},
          {"_links", {{"self", {{"href", "/api/v1/organisaties/" + o.code}}},
                      {"innovaties", {{"href", "/api/v1/innovaties?organisatie=" + o.code}}}}}};
}
}  // namespace

http::Response ListOrganisaties(Services& s, const Call& c) {
  const http::Request& req = c.req;
  QueryReader q(req, {"soort", "naam", "pagina", "paginaGrootte"});
  OrganisationFilter f;
  f.soort = q.Text("soort", &vocab::kOrganisatieSoort);
  f.naam = q.Text("naam");
  PageRequest page = q.Page();
  if (!q.ok()) return Problem(q.error(), req.path);
  auto list = s.reg.ListOrganisations(f, page);
  if (!list.ok()) return Problem(list.error(), req.path);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& o : list.value().items) items.push_back(ToJson(o));
  return JsonResponse(200, nlohmann::json{{"_links", PageLinks(req, page, list.value().totaal)},
                                          {"totaal", list.value().totaal},
                                          {"pagina", page.pagina},
                                          {"paginaGrootte", page.pagina_grootte},
                                          {"_embedded", {{"organisaties", std::move(items)}}}});
}

http::Response GetOrganisatie(Services& s, const Call& c) {
  const http::Request& req = c.req;
  const Params& p = c.params;
  auto org = s.reg.GetOrganisation(p.Get("code"));
  if (!org.ok()) return Problem(org.error(), req.path);
  return JsonResponse(200, ToJson(org.value()));
}

}  // namespace koers::api
