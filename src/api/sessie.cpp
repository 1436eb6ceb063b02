// Handlers of /api/v1/sessie: who is logged in, logging in and out.
#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_params.hpp"
#include "app/accounts.hpp"
#include "core/text.hpp"

namespace koers::api {

nlohmann::json UserJson(const User& u) {
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& g : u.rollen) roles.push_back({{"id", g.id}, {"organisatie", g.organisatie}, {"rol", g.rol}});
  auto opt = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
  return {{"id", u.id},
          {"email", u.email},
          {"naam", u.naam},
          {"actief", u.actief},
          {"landelijkBeheerder", u.landelijk_beheerder},
          {"heeftWachtwoord", !u.wachtwoord_hash.empty()},
          {"oidcGekoppeld", !u.oidc_subject.empty()},
          {"rollen", std::move(roles)},
          {"aangemaaktOp", opt(u.aangemaakt_op)},
          {"laatstIngelogdOp", opt(u.laatst_ingelogd_op)},
          {"_links", {{"self", {{"href", "/api/v1/gebruikers/" + std::to_string(u.id)}}}}}};
}

http::Response GetSessie(Services& s, const Call& c) {
  QueryReader q(c.req, {});
  if (!q.ok()) return Problem(q.error(), c.req.path);
  nlohmann::json body = {{"ingelogd", !c.actor.Anonymous()},
                         {"gebruiker", nullptr},
                         {"csrfToken", c.csrf_token.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.csrf_token)},
                         {"oidcBeschikbaar", s.options.oidc_available}};
  if (!c.actor.Anonymous() && c.actor.gebruiker_id > 0) {
    auto user = s.accounts.GetUser(c.actor.gebruiker_id, c.actor);
    if (!user.ok()) return Problem(user.error(), c.req.path);
    body["gebruiker"] = UserJson(user.value());
  }
  return JsonResponse(200, body);
}

http::Response CreateSessie(Services& s, const Call& c) {
  http::Response res;
  nlohmann::json body;
  if (!ReadBody(c, &body, &res)) return res;
  std::vector<FieldProblem> problems;
  std::string email, password;

  if (body.contains("email") && body["email"].is_string()) {
    email = AsciiLower(Trim(body["email"].get<std::string>()));
  } else {
    problems.push_back({"email", "is verplicht"});
  }
  if (body.contains("wachtwoord") && body["wachtwoord"].is_string()) {
    password = body["wachtwoord"].get<std::string>();
  } else {
    problems.push_back({"wachtwoord", "is verplicht"});
  }
  for (const auto& [k, v] : body.items())
    if (k != "email" && k != "wachtwoord") problems.push_back({k, "is geen bekend veld"});
  if (!problems.empty()) return Problem(Invalid("Vul e-mailadres en wachtwoord in.", problems), c.req.path);
  if (email.size() > 254 || password.size() > 1024)
    return Problem(Error{ErrorKind::kUnauthenticated, "Het e-mailadres of het wachtwoord klopt niet.", {}},
                   c.req.path);

  // A browser that logged in to this account before has an allowance of
  // its own; strangers share one per account (Accounts::DeviceToken).
  std::string device = s.accounts.TrustedDevice(CookieValue(c.req, DeviceCookieName(s.options)), email);
  std::string key = device.empty() ? "inloggen-account:" + email : "inloggen-apparaat:" + device;
  Error error;
  if (!WithinLimit(s, key, s.options.login_per_account, &error) ||
      !WithinLimit(s, "inloggen-adres:" + c.req.remote_address, s.options.login_per_address, &error))
    return Problem(error, c.req.path);
  auto signed_in = s.accounts.Login(email, password);
  if (!signed_in.ok()) return Problem(signed_in.error(), c.req.path);
  s.limits.Reset(key);
  auto device_token = s.accounts.DeviceToken(email);
  res = JsonResponse(201, nlohmann::json{{"ingelogd", true},
                                         {"gebruiker", UserJson(signed_in.value().user)},
                                         {"csrfToken", signed_in.value().csrf_token},
                                         {"oidcBeschikbaar", s.options.oidc_available}});
  res.SetHeader("Set-Cookie", SessionCookie(s.options, signed_in.value().session_token));
  if (device_token.ok()) res.AddHeader("Set-Cookie", DeviceCookie(s.options, device_token.value()));
  return res;
}

http::Response DeleteSessie(Services& s, const Call& c) {
  Status st = s.accounts.Logout(CookieValue(c.req, SessionCookieName(s.options)));
  if (!st.ok()) return Problem(st.error(), c.req.path);
  http::Response res = NoContent();

  res.SetHeader("Set-Cookie", SessionCookie(s.options, ""));
  return res;
}

}  // namespace koers::api
