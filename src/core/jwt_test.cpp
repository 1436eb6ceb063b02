#include "core/jwt.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/core_names.h>
#include <sodium.h>

#include <nlohmann/json.hpp>

namespace koers::jwt {
namespace {

// Signs `payload` with a fresh 2048-bit key; returns the token and a JWKS.
struct Signed {
  std::string token;
  nlohmann::json jwks;
};

std::string BnToB64(const BIGNUM* bn) {
  std::string bytes(BN_num_bytes(bn), '\0');
  BN_bn2bin(bn, reinterpret_cast<unsigned char*>(bytes.data()));
  return EncodeBase64Url(bytes);
}

Signed Sign(const nlohmann::json& header, const nlohmann::json& payload) {
  EVP_PKEY* key = EVP_RSA_gen(2048);
  BIGNUM *n = nullptr, *e = nullptr;
  EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_N, &n);
  EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_E, &e);
  std::string input = EncodeBase64Url(header.dump()) + "." + EncodeBase64Url(payload.dump());
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  size_t len = 0;
  EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key);
  EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(input.data()), input.size());
  std::string sig(len, '\0');
  EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(sig.data()), &len,
                 reinterpret_cast<const unsigned char*>(input.data()), input.size());
  sig.resize(len);
  Signed out{input + "." + EncodeBase64Url(sig),
             {{"keys", {{{"kty", "RSA"}, {"kid", "k1"}, {"use", "sig"}, {"n", BnToB64(n)}, {"e", BnToB64(e)}}}}}};
  BN_free(n);
  BN_free(e);
  EVP_MD_CTX_free(ctx);
  EVP_PKEY_free(key);
  return out;
}

class Jwt : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_GE(sodium_init(), 0); }
};

TEST_F(Jwt, AcceptsAValidRs256TokenAndReturnsItsClaims) {
  auto s = Sign({{"alg", "RS256"}, {"kid", "k1"}}, {{"sub", "42"}, {"email", "a@b.nl"}});
  auto claims = VerifyRs256(s.token, s.jwks);
  ASSERT_TRUE(claims.ok()) << claims.error().message;
  EXPECT_EQ(claims.value()["sub"], "42");
}

TEST_F(Jwt, RefusesTamperingOtherAlgorithmsAndUnknownKeys) {
  auto s = Sign({{"alg", "RS256"}, {"kid", "k1"}}, {{"sub", "42"}});
  // Changed payload, same signature.
  size_t a = s.token.find('.'), b = s.token.rfind('.');
  std::string forged = s.token.substr(0, a + 1) + EncodeBase64Url(R"({"sub":"1"})") + s.token.substr(b);
  EXPECT_FALSE(VerifyRs256(forged, s.jwks).ok());
  // alg none and HS256 are never accepted.
  for (const char* alg : {"none", "HS256"}) {
    std::string t = EncodeBase64Url(nlohmann::json{{"alg", alg}}.dump()) + "." + EncodeBase64Url(R"({"sub":"1"})") + ".";
    EXPECT_FALSE(VerifyRs256(t, s.jwks).ok()) << alg;
  }
  // Signed by another key with the same kid.
  auto other = Sign({{"alg", "RS256"}, {"kid", "k1"}}, {{"sub", "42"}});
  EXPECT_FALSE(VerifyRs256(other.token, s.jwks).ok());
  auto unknown_kid = Sign({{"alg", "RS256"}, {"kid", "k9"}}, {{"sub", "42"}});
  EXPECT_FALSE(VerifyRs256(unknown_kid.token, unknown_kid.jwks).ok());
  EXPECT_FALSE(VerifyRs256("geen.token", s.jwks).ok());
  EXPECT_FALSE(VerifyRs256(s.token, nlohmann::json::object()).ok());
}

}  // namespace
}  // namespace koers::jwt
