// Verifying a JSON Web Token signed with RS256 against a JSON Web Key Set
// (RFC 7515, 7517, 7518), as OpenID Connect ID tokens are. Only the
// signature is checked here; the claims are the caller's business.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "core/status.hpp"

namespace koers::jwt {

// The token's claims when its header says alg RS256, its kid names an RSA
// key of `jwks` (or there is one RSA key and no kid), and the signature
// verifies. kUnauthenticated otherwise, with the reason.
Result<nlohmann::json> VerifyRs256(const std::string& token, const nlohmann::json& jwks);

// base64url without padding, both ways. DecodeBase64Url returns false on bad input.
bool DecodeBase64Url(const std::string& in, std::string* out);
std::string EncodeBase64Url(const std::string& in);

}  // namespace koers::jwt
