#include "api/api.hpp"

#include <sodium.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>

#include "api/problem.hpp"
#include "core/log.hpp"

namespace koers::api {
namespace {

constexpr const char* kApiVersion = KOERS_VERSION;
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

bool IsApiPath(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

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

size_t BodyLimitFor(const std::string&) { return 1024 * 1024; }

http::Response Api::Handle(http::Request& req) {
  auto start = std::chrono::steady_clock::now();
  std::string_view given = req.Header("x-request-id");
  req.request_id = SaneRequestId(given) ? std::string(given) : NewRequestId();

  http::Response res = Dispatch(req);
  res.SetHeader("X-Request-ID", req.request_id);
  AddStandardHeaders(req.path, &res);

  if (options_.access_log && log::Enabled(log::Level::kInfo)) {
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
  if (!IsApiPath(req.path)) {
    if (req.method != "GET" && req.method != "HEAD") {
      http::Response res = Problem(405, "Deze pagina kan alleen worden opgevraagd (GET).", req.path);
      res.SetHeader("Allow", "GET, HEAD");
      return res;
    }
    return web_.Serve(req);
  }
  Params params;
  std::string allowed;
  const Route* route = Match(req, &params, &allowed);
  if (!route) {
    if (allowed.empty()) return Problem(404, "Dit adres bestaat niet in de API.", req.path);
    http::Response res = Problem(405, "Deze methode is hier niet toegestaan. Toegestaan: " + allowed + ".", req.path);
    res.SetHeader("Allow", allowed);
    return res;
  }
  return route->fn(services_, req, params);
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
    res->SetHeader("Cache-Control", "no-store");
  }
}

}  // namespace koers::api
