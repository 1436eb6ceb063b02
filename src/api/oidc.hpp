// Login with OpenID Connect: the authorization code flow with PKCE (S256),
// the provider's discovery document and RS256 ID tokens checked against its
// key set. Two browser addresses, outside the API:
//   GET /auth/oidc/inloggen   -> redirect to the provider
//   GET /auth/oidc/terugkeer  -> the provider's redirect back with a code
// The pending login (state, nonce, verifier) is in the database and bound to
// the browser by a short-lived cookie holding the state.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "api/router.hpp"
#include "core/status.hpp"
#include "domain/access.hpp"
#include "http/message.hpp"
#include <nlohmann/json.hpp>

namespace koers::api {

struct OidcOptions {
  std::string issuer;        // e.g. https://login.example.nl/realms/gemeente
  std::string client_id;
  std::string client_secret;
  std::string redirect_uri;  // https://koers.example.nl/auth/oidc/terugkeer
  std::string scopes = "openid email profile";
  std::string role_claim = "groups";  // claim holding group or role names
  // Claim value -> role in an organisation.
  std::vector<std::pair<std::string, RoleGrant>> role_map;
};

// Parses "waarde=rol@ORG;waarde=rol@ORG". False with `error` on a mistake.
bool ParseRoleMap(const std::string& text, std::vector<std::pair<std::string, RoleGrant>>* out, std::string* error);

class Oidc {
 public:
  explicit Oidc(OidcOptions options) : options_(std::move(options)) {}
  const OidcOptions& options() const { return options_; }

  // Answers the two /auth/oidc/ addresses.
  http::Response Handle(Services& s, const http::Request& req);

 private:
  http::Response Start(Services& s, const http::Request& req);
  http::Response Finish(Services& s, const http::Request& req);
  // Loads (once) the discovery document and, when `refresh_keys`, the key set.
  Status Discover(bool refresh_keys);
  // The roles the claims grant under role_map.
  std::vector<RoleGrant> MappedRoles(const nlohmann::json& claims) const;

  OidcOptions options_;
  std::mutex mutex_;
  nlohmann::json discovery_;
  nlohmann::json jwks_;
};

}  // namespace koers::api
