// The application's request handler: the middleware chain (request id,
// path checks, routing, security headers, access log) in front of the route
// table and the web front end.
#pragma once

#include "api/operations.hpp"
#include "api/rate_limiter.hpp"
#include "api/router.hpp"
#include "api/web_assets.hpp"
#include "domain/steering.hpp"
#include "http/message.hpp"

namespace koers::api {

class Oidc;

struct ApiOptions {
  bool access_log = true;
  // Session cookies carry Secure and the __Host- prefix. Off only for local
  // use over plain HTTP.
  bool cookie_secure = true;
  std::chrono::seconds session_max_age{12 * 3600};
  Limit login_per_account{10, std::chrono::minutes(15)};
  Limit login_per_address{100, std::chrono::minutes(15)};
  Limit search_per_client{600, std::chrono::minutes(1)};
  Limit export_per_client{60, std::chrono::minutes(1)};
  bool oidc_available = false;  // an OpenID Connect provider is configured
  // Euro per internal hour for business cases that name no rate of their own.
  double uurtarief = kDefaultHourlyRate;
  // /metrics answers only to this bearer token; empty: no /metrics.
  std::string metrics_token;
};

// The device cookie (Accounts::DeviceToken): its name, and a Set-Cookie
// value that stores `token`.
std::string DeviceCookieName(const ApiOptions& options);
std::string DeviceCookie(const ApiOptions& options, const std::string& token);
// Name of the session cookie under `options`.
std::string SessionCookieName(const ApiOptions& options);
// A Set-Cookie value that stores `token` (or, when empty, removes the cookie).
std::string SessionCookie(const ApiOptions& options, const std::string& token);
// The value of cookie `name` in the request, or empty.
std::string CookieValue(const http::Request& req, std::string_view name);
// Checks `limit` for `key`; on refusal fills `error` with a 429 problem.
bool WithinLimit(Services& s, const std::string& key, const Limit& limit, Error* error);
// Who a limit on search, import and export counts: the account, or the
// address when anonymous.
std::string ClientKey(const Call& c);

class Api {
 public:
  // Borrows everything; all must outlive the Api. `oidc` may be null (no
  // OpenID Connect configured). Thread-safe.
  Api(Services& services, const WebAssets& web, Oidc* oidc) : services_(services), web_(web), oidc_(oidc) {}

  http::Response Handle(http::Request& req);

 private:
  http::Response Dispatch(const http::Request& req);
  http::Response DispatchApi(const http::Request& req);
  Services& services_;
  const WebAssets& web_;
  Oidc* oidc_;
  Metrics metrics_;
};

// The headers every answer carries (security headers; for /api also
// API-Version and Cache-Control). Used for answers the server gives itself.
void AddStandardHeaders(const std::string& path, http::Response* res);

// Upper bound of a request body for `path`.
size_t BodyLimitFor(const std::string& path);

}  // namespace koers::api
