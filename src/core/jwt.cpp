#include "core/jwt.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <sodium.h>

#include <memory>
#include <nlohmann/json.hpp>

namespace koers::jwt {
namespace {

Error Refused(const std::string& why) {
  return Error{ErrorKind::kUnauthenticated, "Het ID-token is ongeldig: " + why + ".", {}};
}

using PkeyPtr = std::unique_ptr<EVP_PKEY, void (*)(EVP_PKEY*)>;

// An RSA public key from the base64url modulus and exponent of a JWK.
PkeyPtr RsaKey(const std::string& n_b64, const std::string& e_b64) {
  PkeyPtr none(nullptr, &EVP_PKEY_free);
  std::string n, e;
  if (!DecodeBase64Url(n_b64, &n) || !DecodeBase64Url(e_b64, &e) || n.size() < 256) return none;  // >= 2048 bits
  std::unique_ptr<BIGNUM, void (*)(BIGNUM*)> bn_n(
      BN_bin2bn(reinterpret_cast<const unsigned char*>(n.data()), static_cast<int>(n.size()), nullptr), &BN_free);
  std::unique_ptr<BIGNUM, void (*)(BIGNUM*)> bn_e(
      BN_bin2bn(reinterpret_cast<const unsigned char*>(e.data()), static_cast<int>(e.size()), nullptr), &BN_free);
  std::unique_ptr<OSSL_PARAM_BLD, void (*)(OSSL_PARAM_BLD*)> bld(OSSL_PARAM_BLD_new(), &OSSL_PARAM_BLD_free);
  if (!bn_n || !bn_e || !bld) return none;
  if (!OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn_n.get()) ||
      !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bn_e.get()))
    return none;
  std::unique_ptr<OSSL_PARAM, void (*)(OSSL_PARAM*)> params(OSSL_PARAM_BLD_to_param(bld.get()), &OSSL_PARAM_free);
  std::unique_ptr<EVP_PKEY_CTX, void (*)(EVP_PKEY_CTX*)> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr),
                                                             &EVP_PKEY_CTX_free);
  EVP_PKEY* key = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0 ||
      EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0)
    return none;
  return PkeyPtr(key, &EVP_PKEY_free);
}

bool VerifySha256(EVP_PKEY* key, const std::string& data, const std::string& signature) {
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1) return false;
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                          reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
}

}  // namespace

bool DecodeBase64Url(const std::string& in, std::string* out) {
  out->assign(in.size(), '\0');
  size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out->data()), out->size(), in.c_str(), in.size(), nullptr,
                        &len, &end, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      end != in.c_str() + in.size())
    return false;
  out->resize(len);
  return true;
}

std::string EncodeBase64Url(const std::string& in) {
  std::string out(sodium_base64_encoded_len(in.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(in.data()), in.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

Result<nlohmann::json> VerifyRs256(const std::string& token, const nlohmann::json& jwks) {
  if (token.size() > 16384) return Refused("te lang");
  size_t a = token.find('.');
  size_t b = a == std::string::npos ? a : token.find('.', a + 1);
  if (b == std::string::npos || token.find('.', b + 1) != std::string::npos) return Refused("geen JWS in compacte vorm");
  std::string header_raw, payload_raw, signature;
  if (!DecodeBase64Url(token.substr(0, a), &header_raw) || !DecodeBase64Url(token.substr(a + 1, b - a - 1), &payload_raw) ||
      !DecodeBase64Url(token.substr(b + 1), &signature))
    return Refused("geen geldige base64url");
  auto header = nlohmann::json::parse(header_raw, nullptr, false);
  auto payload = nlohmann::json::parse(payload_raw, nullptr, false);
  if (!header.is_object() || !payload.is_object()) return Refused("kop of inhoud is geen JSON-object");
  if (header.value("alg", "") != "RS256") return Refused("alleen RS256 wordt aanvaard");
  std::string kid = header.contains("kid") && header["kid"].is_string() ? header["kid"].get<std::string>() : "";
  if (!jwks.is_object() || !jwks.contains("keys") || !jwks["keys"].is_array()) return Refused("geen sleutelset");
  const nlohmann::json* key = nullptr;
  int rsa_keys = 0;
  for (const auto& k : jwks["keys"]) {
    if (!k.is_object() || k.value("kty", "") != "RSA") continue;
    if (k.contains("use") && k["use"] != "sig") continue;
    ++rsa_keys;
    if (kid.empty() || (k.contains("kid") && k["kid"] == kid)) key = &k;
  }
  if (!key || (kid.empty() && rsa_keys != 1)) return Refused("onbekende sleutel");
  if (!(*key).contains("n") || !(*key)["n"].is_string() || !(*key).contains("e") || !(*key)["e"].is_string())
    return Refused("sleutel zonder n of e");
  PkeyPtr pkey = RsaKey((*key)["n"].get<std::string>(), (*key)["e"].get<std::string>());
  if (!pkey) return Refused("sleutel onbruikbaar of te kort");
  if (!VerifySha256(pkey.get(), token.substr(0, b), signature)) return Refused("handtekening klopt niet");
  return payload;
}

}  // namespace koers::jwt
