#include "api/oidc.hpp"

#include <sodium.h>

#include "api/api.hpp"
#include "app/accounts.hpp"
#include "app/register.hpp"
#include "core/crypto.hpp"
#include "core/jwt.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "http/client.hpp"

namespace koers::api {
namespace {

constexpr const char* kStateCookie = "koers-oidc";
constexpr auto kPendingFor = std::chrono::minutes(10);

http::Response Redirect(const std::string& location) {
  http::Response res{302, "text/plain; charset=utf-8", {}, ""};
  res.SetHeader("Location", location);
  res.SetHeader("Cache-Control", "no-store");
  return res;
}

std::string ClearStateCookie() {
  return std::string(kStateCookie) + "=; Path=/auth/oidc/; HttpOnly; SameSite=Lax; Max-Age=0";
}

// Back to the login page with a reason the page explains in Dutch.
http::Response Failed(const std::string& code, const std::string& detail) {
  log::Warn("oidc_mislukt", {{"reden", code}, {"detail", detail}});
  http::Response res = Redirect("/inloggen?fout=" + code);
  res.SetHeader("Set-Cookie", ClearStateCookie());
  return res;
}

// What a refusal of the token endpoint means for the user (RFC 6749
// section 5.2): a client Koers does not know or a wrong secret is the
// configuration's fault, a used or expired code is a login to start again.
http::Response TokenRefused(int status, const std::string& body) {
  auto answer = nlohmann::json::parse(body, nullptr, false);
  std::string error = answer.is_object() && answer.contains("error") && answer["error"].is_string()
                          ? answer["error"].get<std::string>()
                          : "";
  std::string detail = "tokenendpoint gaf " + std::to_string(status) + (error.empty() ? "" : " " + error);
  if (error == "invalid_client" || error == "unauthorized_client" || status == 401) return Failed("client", detail);
  if (error == "invalid_grant") return Failed("verlopen", detail);
  return Failed("aanbieder", detail);
}

std::string S256(const std::string& verifier) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size());
  return jwt::EncodeBase64Url(std::string(reinterpret_cast<char*>(hash), sizeof hash));
}

// A local path to return to; anything else becomes "/".
std::string SafeReturn(std::string_view path) {
  if (path.empty() || path[0] != '/' || path.substr(0, 2) == "//" || path.find('\\') != std::string_view::npos ||
      path.size() > 200)
    return "/";
  for (unsigned char c : path)
    if (c < 0x20 || c == 0x7F) return "/";
  return std::string(path);
}

bool AudienceOk(const nlohmann::json& claims, const std::string& client_id) {
  if (!claims.contains("aud")) return false;
  const auto& aud = claims["aud"];
  if (aud.is_string()) return aud == client_id;
  if (!aud.is_array()) return false;
  bool found = false;
  for (const auto& a : aud) found = found || a == client_id;
  if (aud.size() > 1) found = found && claims.contains("azp") && claims["azp"] == client_id;
  return found;
}

}  // namespace

bool ParseRoleMap(const std::string& text, std::vector<std::pair<std::string, RoleGrant>>* out, std::string* error) {
  out->clear();
  for (const auto& item : Split(text, ';')) {
    std::string entry = Trim(item);
    if (entry.empty()) continue;
    size_t eq = entry.rfind('=');
    size_t at = entry.rfind('@');
    if (eq == std::string::npos || at == std::string::npos || at < eq || eq == 0) {
      *error = "verwacht 'waarde=rol@ORGANISATIE', kreeg '" + entry + "'";
      return false;
    }
    RoleGrant g{0, Trim(entry.substr(at + 1)), Trim(entry.substr(eq + 1, at - eq - 1))};
    if (g.rol != rol::kLezer && g.rol != rol::kLid && g.rol != rol::kStuurgroep && g.rol != rol::kBeheerder) {
      *error = "onbekende rol '" + g.rol + "' in '" + entry + "'";
      return false;
    }
    out->emplace_back(Trim(entry.substr(0, eq)), std::move(g));
  }
  return true;
}

Status Oidc::Discover(bool refresh_keys) {
  std::lock_guard lock(mutex_);
  if (discovery_.is_null()) {
    std::string issuer = options_.issuer;
    while (!issuer.empty() && issuer.back() == '/') issuer.pop_back();
    auto r = http::Fetch({"GET", issuer + "/.well-known/openid-configuration", {{"Accept", "application/json"}}});
    if (!r.ok()) return r.status();
    auto doc = nlohmann::json::parse(r.value().body, nullptr, false);
    if (r.value().status != 200 || !doc.is_object()) return IoError("Het discovery-document is niet te lezen.");
    for (const char* key : {"issuer", "authorization_endpoint", "token_endpoint", "jwks_uri"})
      if (!doc.contains(key) || !doc[key].is_string())
        return IoError(std::string("Het discovery-document mist ") + key + ".");
    if (doc["issuer"] != options_.issuer && doc["issuer"] != issuer)
      return IoError("De issuer in het discovery-document is niet de ingestelde issuer.");
    discovery_ = std::move(doc);
    refresh_keys = true;
  }
  if (refresh_keys) {
    auto r = http::Fetch({"GET", discovery_["jwks_uri"].get<std::string>(), {{"Accept", "application/json"}}});
    if (!r.ok()) return r.status();
    auto keys = nlohmann::json::parse(r.value().body, nullptr, false);
    if (r.value().status != 200 || !keys.is_object()) return IoError("De sleutelset is niet te lezen.");
    jwks_ = std::move(keys);
  }
  return Status::Ok();
}

http::Response Oidc::Handle(Services& s, const http::Request& req) {
  if (req.method != "GET") {
    http::Response res{405, "text/plain; charset=utf-8", {}, "Alleen GET.\n"};
    res.SetHeader("Allow", "GET");
    return res;
  }
  if (req.path == "/auth/oidc/inloggen") return Start(s, req);
  if (req.path == "/auth/oidc/terugkeer") return Finish(s, req);
  return http::Response{404, "text/plain; charset=utf-8", {}, "Niet gevonden.\n"};
}

http::Response Oidc::Start(Services& s, const http::Request& req) {
  Status st = Discover(false);
  if (!st.ok()) return Failed("aanbieder", st.error().message);
  std::string state = crypto::RandomToken(32);
  std::string nonce = crypto::RandomToken(32);
  std::string verifier = crypto::RandomToken(48);
  Status saved = s.accounts.SaveOidcLogin(
      {crypto::HashToken(state), nonce, verifier, SafeReturn(req.Query("terug")), s.reg.clock().Now()});
  if (!saved.ok()) return Failed("intern", saved.error().message);
  std::string url;
  {
    std::lock_guard lock(mutex_);
    url = discovery_["authorization_endpoint"].get<std::string>();
  }
  url += (url.find('?') == std::string::npos ? "?" : "&") +
         http::FormEncode({{"response_type", "code"},
                           {"client_id", options_.client_id},
                           {"redirect_uri", options_.redirect_uri},
                           {"scope", options_.scopes},
                           {"state", state},
                           {"nonce", nonce},
                           {"code_challenge", S256(verifier)},
                           {"code_challenge_method", "S256"}});
  http::Response res = Redirect(url);
  std::string cookie = std::string(kStateCookie) + "=" + state + "; Path=/auth/oidc/; HttpOnly; SameSite=Lax; Max-Age=600";
  if (s.options.cookie_secure) cookie += "; Secure";
  res.SetHeader("Set-Cookie", cookie);
  return res;
}

http::Response Oidc::Finish(Services& s, const http::Request& req) {
  Status known = Discover(false);  // this process may not have started the login
  if (!known.ok()) return Failed("aanbieder", known.error().message);
  std::string state(req.Query("state"));
  // RFC 9207: the authorization response names its issuer, so that an
  // answer from another provider is not taken for this one's.
  {
    std::lock_guard lock(mutex_);
    const auto& flag = discovery_["authorization_response_iss_parameter_supported"];
    bool announced = flag.is_boolean() && flag.get<bool>();
    bool found = false;
    std::string_view iss = req.Query("iss", &found);
    if ((found || announced) && iss != discovery_.value("issuer", std::string()))
      return Failed("ongeldig", "iss van het antwoord is niet de issuer");
  }
  if (!req.Query("error").empty()) return Failed("geweigerd", std::string(req.Query("error")));
  std::string code(req.Query("code"));
  if (state.empty() || code.empty() || state.size() > 200 || code.size() > 2000)
    return Failed("ongeldig", "state of code ontbreekt");
  // The state must be the one this browser started with.
  if (!crypto::Equal(CookieValue(req, kStateCookie), state)) return Failed("ongeldig", "state hoort niet bij deze browser");
  auto pending = s.accounts.TakeOidcLogin(crypto::HashToken(state), kPendingFor);
  if (!pending.ok())
    return Failed(pending.error().kind == ErrorKind::kNotFound ? "ongeldig" : "intern", pending.error().detail);
  if (pending.value().aangemaakt_op < s.reg.clock().Now() - kPendingFor)
    return Failed("verlopen", "de inlogpoging is ouder dan 10 minuten");

  std::string token_endpoint, issuer, userinfo_endpoint;
  bool post_secret = false;
  {
    std::lock_guard lock(mutex_);
    token_endpoint = discovery_["token_endpoint"].get<std::string>();
    issuer = discovery_["issuer"].get<std::string>();
    if (discovery_.contains("userinfo_endpoint") && discovery_["userinfo_endpoint"].is_string())
      userinfo_endpoint = discovery_["userinfo_endpoint"].get<std::string>();
    if (discovery_.contains("token_endpoint_auth_methods_supported") &&
        discovery_["token_endpoint_auth_methods_supported"].is_array()) {
      bool basic = false;
      for (const auto& m : discovery_["token_endpoint_auth_methods_supported"]) {
        basic = basic || m == "client_secret_basic";
        post_secret = post_secret || m == "client_secret_post";
      }
      post_secret = post_secret && !basic;
    }
  }
  std::vector<std::pair<std::string, std::string>> form = {{"grant_type", "authorization_code"},
                                                           {"code", code},
                                                           {"redirect_uri", options_.redirect_uri},
                                                           {"code_verifier", pending.value().code_verifier},
                                                           {"client_id", options_.client_id}};
  http::ClientRequest call{"POST", token_endpoint, {{"Content-Type", "application/x-www-form-urlencoded"},
                                                    {"Accept", "application/json"}}};
  if (post_secret) {
    form.emplace_back("client_secret", options_.client_secret);
  } else {
    call.basic_user = http::PercentEncode(options_.client_id);
    call.basic_password = http::PercentEncode(options_.client_secret);
  }
  call.body = http::FormEncode(form);
  auto answer = http::Fetch(call);
  if (!answer.ok()) return Failed("aanbieder", answer.error().message);
  if (answer.value().status != 200) return TokenRefused(answer.value().status, answer.value().body);
  auto tokens = nlohmann::json::parse(answer.value().body, nullptr, false);
  if (!tokens.is_object() || !tokens.contains("id_token") || !tokens["id_token"].is_string())
    return Failed("aanbieder", "het tokenendpoint gaf geen id_token");

  std::string id_token = tokens["id_token"].get<std::string>();
  nlohmann::json keys;
  {
    std::lock_guard lock(mutex_);
    keys = jwks_;
  }
  auto claims = jwt::VerifyRs256(id_token, keys);
  if (!claims.ok()) {  // the provider may have rolled its keys
    if (Discover(true).ok()) {
      std::lock_guard lock(mutex_);
      keys = jwks_;
    }
    claims = jwt::VerifyRs256(id_token, keys);
  }
  if (!claims.ok()) return Failed("token", claims.error().message);
  const auto& c = claims.value();
  int64_t now = std::chrono::duration_cast<std::chrono::seconds>(s.reg.clock().Now().time_since_epoch()).count();
  constexpr int64_t kSkew = 120;
  if (c.value("iss", "") != issuer) return Failed("token", "verkeerde issuer");
  if (!AudienceOk(c, options_.client_id)) return Failed("token", "verkeerde audience");
  if (!c.contains("exp") || !c["exp"].is_number() || c["exp"].get<int64_t>() + kSkew < now)
    return Failed("token", "verlopen");
  if (c.contains("iat") && c["iat"].is_number() && c["iat"].get<int64_t>() - kSkew > now)
    return Failed("token", "uitgegeven in de toekomst");
  if (!c.contains("nonce") || !c["nonce"].is_string() || !crypto::Equal(c["nonce"].get<std::string>(), pending.value().nonce))
    return Failed("token", "nonce klopt niet");
  if (!c.contains("sub") || !c["sub"].is_string() || c["sub"].get<std::string>().empty())
    return Failed("token", "sub ontbreekt");

  // OIDC Core 5.4: a provider may release e-mail, name and groups only at
  // the UserInfo endpoint (certified providers do so by default for the code
  // flow). Its answer must be about the same subject (5.3.2).
  nlohmann::json profile = c;
  if (!userinfo_endpoint.empty() && tokens.contains("access_token") && tokens["access_token"].is_string()) {
    auto info = http::Fetch({"GET", userinfo_endpoint,
                             {{"Authorization", "Bearer " + tokens["access_token"].get<std::string>()},
                              {"Accept", "application/json"}}});
    if (!info.ok()) return Failed("aanbieder", info.error().message);
    auto claims_there = nlohmann::json::parse(info.value().body, nullptr, false);
    if (info.value().status != 200 || !claims_there.is_object())
      return Failed("aanbieder", "userinfo gaf " + std::to_string(info.value().status));
    if (claims_there.value("sub", "") != c["sub"].get<std::string>())
      return Failed("token", "userinfo gaat over een ander subject");
    for (const auto& [key, value] : claims_there.items())
      if (key != "iss" && key != "aud") profile[key] = value;
  }
  auto text_claim = [&](const char* key) {
    return profile.contains(key) && profile[key].is_string() ? profile[key].get<std::string>() : std::string();
  };
  auto user = s.accounts.OidcUser(c["iss"].get<std::string>(), c["sub"].get<std::string>(), text_claim("email"),
                                  text_claim("name"), MappedRoles(profile));
  if (!user.ok()) return Failed("account", user.error().message);
  auto signed_in = s.accounts.StartSession(user.value());
  if (!signed_in.ok()) return Failed("account", signed_in.error().message);
  http::Response res = Redirect(pending.value().terug_naar);
  res.SetHeader("Set-Cookie", SessionCookie(s.options, signed_in.value().session_token));
  res.AddHeader("Set-Cookie", ClearStateCookie());  // the login is done: its state goes
  return res;
}

std::vector<RoleGrant> Oidc::MappedRoles(const nlohmann::json& claims) const {
  std::vector<std::string> values;
  if (claims.contains(options_.role_claim)) {
    const auto& v = claims[options_.role_claim];
    if (v.is_string()) values.push_back(v.get<std::string>());
    if (v.is_array())
      for (const auto& item : v)
        if (item.is_string()) values.push_back(item.get<std::string>());
  }
  std::vector<RoleGrant> out;
  for (const auto& [value, grant] : options_.role_map)
    if (std::find(values.begin(), values.end(), value) != values.end()) out.push_back(grant);
  return out;
}

}  // namespace koers::api
