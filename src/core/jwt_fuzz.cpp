// Fuzz target: an ID token as an identity provider (or an attacker posing as
// one) might send it, verified against a fixed key set.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "core/jwt.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const nlohmann::json jwks = nlohmann::json::parse(
      R"({"keys":[{"kty":"RSA","kid":"k1","use":"sig","e":"AQAB","n":")" + std::string(342, 'A') + R"("}]})");
  std::string token(reinterpret_cast<const char*>(data), size);
  (void)koers::jwt::VerifyRs256(token, jwks);
  std::string out;
  (void)koers::jwt::DecodeBase64Url(token, &out);
  return 0;
}
