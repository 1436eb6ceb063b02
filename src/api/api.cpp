#include "api/api.hpp"

#include <sodium.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>

#include "api/oidc.hpp"
#include "core/crypto.hpp"
#include "api/problem.hpp"
#include "api/request_params.hpp"
#include "app/accounts.hpp"
#include "formats/table_reader.hpp"
#include "core/log.hpp"
#include "core/text.hpp"

namespace koers::api {
namespace {

constexpr const char* kApiVersion = KOERS_VERSION;
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

bool IsApiPath(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

bool IsStateChanging(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// A browser sends Origin with every state-changing request; it must be
// this site. Requests without Origin (scripts, curl) pass this check.
bool SameOrigin(const http::Request& req) {
  std::string_view origin = req.Header("origin");
  if (origin.empty()) return true;
  std::string_view host = req.Header("host");
  for (const char* scheme : {"http://", "https://"})
    if (origin == std::string(scheme) + std::string(host)) return true;
  return false;
}

// A random process prefix and a counter: unique, and without a system call
// per request.
std::string NewRequestId() {
  static const std::string prefix = [] {
    unsigned char bytes[4];
    randombytes_buf(bytes, sizeof bytes);
    char hex[9];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return std::string(hex);
  }();
  static std::atomic<uint64_t> counter{0};
  return prefix + "-" + std::to_string(++counter);
}

// A caller's X-Request-ID is kept only when it is short and plain.
bool SaneRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (unsigned char c : id)
    if (!(std::isalnum(c) || c == '-' || c == '_')) return false;
  return true;
}

}  // namespace

size_t BodyLimitFor(const std::string& path) {
  // Measurement files (CSV, xlsx) are larger than JSON bodies.
  const std::string_view import_suffix = "/metingen/_import";
  if (path.size() > import_suffix.size() && path.compare(path.size() - import_suffix.size(), import_suffix.size(), import_suffix) == 0)
    return kMaxTableBytes;
  return 1024 * 1024;
}

std::string SessionCookieName(const ApiOptions& options) {
  return options.cookie_secure ? "__Host-koers-sessie" : "koers-sessie";
}

std::string SessionCookie(const ApiOptions& options, const std::string& token) {
  std::string c = SessionCookieName(options) + "=" + token + "; Path=/; HttpOnly; SameSite=Lax";
  if (options.cookie_secure) c += "; Secure";
  c += token.empty() ? "; Max-Age=0" : "; Max-Age=" + std::to_string(options.session_max_age.count());
  return c;
}

std::string DeviceCookieName(const ApiOptions& options) {
  return options.cookie_secure ? "__Host-koers-apparaat" : "koers-apparaat";
}

std::string DeviceCookie(const ApiOptions& options, const std::string& token) {
  std::string c = DeviceCookieName(options) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000";
  if (options.cookie_secure) c += "; Secure";
  return c;
}

std::string CookieValue(const http::Request& req, std::string_view name) {
  for (const auto& [k, v] : req.headers) {
    if (k != "cookie") continue;
    for (const auto& part : Split(v, ';')) {
      std::string p = Trim(part);
      size_t eq = p.find('=');
      if (eq != std::string::npos && std::string_view(p).substr(0, eq) == name) return p.substr(eq + 1);
    }
  }
  return {};
}

std::string ClientKey(const Call& c) {
  return c.actor.gebruiker_id > 0 ? "g" + std::to_string(c.actor.gebruiker_id) : c.req.remote_address;
}

bool WithinLimit(Services& s, const std::string& key, const Limit& limit, Error* error) {
  int retry = 0;
  if (s.limits.Allow(key, limit, &retry)) return true;
  *error = Error{ErrorKind::kRateLimited,
                 "U heeft dit te vaak gedaan in korte tijd. Probeer het over " + std::to_string(retry) +
                     " seconden opnieuw.",
                 {},
                 retry};
  log::Warn("limiet_bereikt", {{"sleutel", key.substr(0, key.find(':'))}});
  return false;
}

namespace {

// The route a request is counted under in /metrics: the API's pattern, so
// ids do not make a label each.
std::string RouteLabel(const http::Request& req) {
  if (IsApiPath(req.path)) {
    Params params;
    std::string allowed;
    const Route* route = Match(req, &params, &allowed);
    return route ? std::string(route->pattern) : "/api (onbekend)";
  }
  if (req.path.rfind("/health/", 0) == 0 || req.path == "/metrics") return req.path;
  if (req.path.rfind("/auth/oidc/", 0) == 0) return "/auth/oidc";
  return "web";
}

}  // namespace

http::Response Api::Handle(http::Request& req) {
  auto start = std::chrono::steady_clock::now();
  std::string_view given = req.Header("x-request-id");
  req.request_id = SaneRequestId(given) ? std::string(given) : NewRequestId();

  http::Response res = Dispatch(req);
  res.SetHeader("X-Request-ID", req.request_id);
  AddStandardHeaders(req.path, &res);
  if (!services_.options.metrics_token.empty())
    metrics_.Record(RouteLabel(req), res.status,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());

  if (services_.options.access_log && log::Enabled(log::Level::kInfo)) {
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    log::Info("verzoek", {{"id", req.request_id},
                          {"methode", req.method},
                          {"pad", req.path},
                          {"status", res.status},
                          {"duurMs", std::round(ms * 100) / 100},
                          {"adres", req.remote_address}});
  }
  return res;
}

http::Response Api::Dispatch(const http::Request& req) {
  if (!req.path_ok) return Problem(400, "Het adres van het verzoek bevat ongeldige tekens.", "");
  // NL API Design Rules: no trailing slashes; a trailing slash is not found.
  if (req.path.size() > 1 && req.path.back() == '/')
    return Problem(404, "Dit adres bestaat niet. Laat de schuine streep aan het eind weg.", req.path);
  if (req.path.rfind("/health/", 0) == 0 || req.path == "/metrics")
    if (auto res = Operations(req, services_.reg, metrics_, services_.options.metrics_token)) return std::move(*res);
  if (oidc_ && req.path.rfind("/auth/oidc/", 0) == 0) return oidc_->Handle(services_, req);
  if (!IsApiPath(req.path)) {
    if (req.method != "GET" && req.method != "HEAD") {
      http::Response res = Problem(405, "Deze pagina kan alleen worden opgevraagd (GET).", req.path);
      res.SetHeader("Allow", "GET, HEAD");
      return res;
    }
    return web_.Serve(req);
  }
  return DispatchApi(req);
}

// Authentication (API token or session cookie), CSRF and origin checks,
// then the route table.
http::Response Api::DispatchApi(const http::Request& req) {
  Params params;
  std::string allowed;
  const Route* route = Match(req, &params, &allowed);
  if (!route) {
    if (allowed.empty()) return Problem(404, "Dit adres bestaat niet in de API.", req.path);
    http::Response res = Problem(405, "Deze methode is hier niet toegestaan. Toegestaan: " + allowed + ".", req.path);
    res.SetHeader("Allow", allowed);
    return res;
  }
  if (auto bad = MalformedIds(params); !bad.empty())
    return Problem(Invalid("Het adres bevat een ongeldig nummer.", std::move(bad)), req.path);

  const ApiOptions& options = services_.options;
  Actor actor;
  std::string csrf;
  bool by_session = false;
  std::string clear_cookie;
  std::string_view authorization = req.Header("authorization");
  if (!authorization.empty()) {
    if (authorization.rfind("Bearer ", 0) != 0) {
      http::Response res = Problem(401, "Gebruik Authorization: Bearer met een persoonlijk API-token.", req.path);
      res.SetHeader("WWW-Authenticate", "Bearer");
      return res;
    }
    auto auth = services_.accounts.AuthenticateToken(std::string(Trim(authorization.substr(7))));
    if (!auth.ok()) {
      log::Warn("token_geweigerd", {{"adres", req.remote_address}});
      http::Response res = Problem(auth.error(), req.path);
      res.SetHeader("WWW-Authenticate", "Bearer");
      return res;
    }
    actor = std::move(auth.value().actor);
  } else if (std::string cookie = CookieValue(req, SessionCookieName(options)); !cookie.empty()) {
    auto auth = services_.accounts.Authenticate(cookie);
    if (auth.ok()) {
      actor = std::move(auth.value().actor);
      csrf = std::move(auth.value().csrf_token);
      by_session = true;
    } else {
      clear_cookie = SessionCookie(options, "");  // an old or unknown session: the browser can forget it
    }
  }
  actor.verzoek_id = req.request_id;

  if (IsStateChanging(req.method)) {
    if (!SameOrigin(req)) {
      log::Warn("andere_herkomst_geweigerd", {{"pad", req.path}});
      return Problem(Forbidden("Dit verzoek komt van een andere website en is geweigerd."), req.path);
    }
    // Logging in starts a new session, so it needs no token of an old one.
    bool login = req.path == "/api/v1/sessie" && req.method == "POST";
    if (by_session && !login && !crypto::Equal(req.Header("x-csrf-token"), csrf)) {
      log::Warn("csrf_geweigerd", {{"pad", req.path}, {"gebruiker", actor.gebruiker_id}});
      return Problem(Forbidden("Het CSRF-token ontbreekt of klopt niet. Laad de pagina opnieuw."), req.path);
    }
  }

  http::Response res = route->fn(services_, Call{req, params, actor, csrf});
  if (!clear_cookie.empty() && !res.HasHeader("Set-Cookie")) res.SetHeader("Set-Cookie", clear_cookie);
  if (res.status == 401 && !res.HasHeader("WWW-Authenticate")) res.SetHeader("WWW-Authenticate", "Bearer");
  return res;
}

void AddStandardHeaders(const std::string& path, http::Response* res) {
  res->SetHeader("X-Content-Type-Options", "nosniff");
  res->SetHeader("X-Frame-Options", "DENY");
  res->SetHeader("Content-Security-Policy", kContentSecurityPolicy);
  res->SetHeader("Referrer-Policy", "same-origin");
  res->SetHeader("Cross-Origin-Opener-Policy", "same-origin");
  res->SetHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  if (IsApiPath(path)) {
    res->SetHeader("API-Version", kApiVersion);
    if (!res->HasHeader("Cache-Control")) res->SetHeader("Cache-Control", "no-store");
  }
}

}  // namespace koers::api
