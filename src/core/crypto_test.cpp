#include "core/crypto.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace koers::crypto {
namespace {

class Crypto : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_GE(sodium_init(), 0); }
};

TEST_F(Crypto, PasswordsHashToArgon2idAndVerify) {
  std::string hash = HashPassword("correct paard batterij");
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << hash;
  EXPECT_TRUE(VerifyPassword(hash, "correct paard batterij"));
  EXPECT_FALSE(VerifyPassword(hash, "correct paard batterij!"));
  EXPECT_FALSE(VerifyPassword("", "x"));
  EXPECT_FALSE(VerifyPassword("$2y$10$bcrypt", "x"));
  EXPECT_NE(HashPassword("correct paard batterij"), hash) << "salted";
}

TEST_F(Crypto, TokensAreLongRandomAndHashedStably) {
  std::string a = RandomToken(), b = RandomToken();
  EXPECT_EQ(a.size(), 43u);  // 32 bytes, base64url
  EXPECT_NE(a, b);
  EXPECT_EQ(HashToken(a), HashToken(a));
  EXPECT_NE(HashToken(a), HashToken(b));
  EXPECT_EQ(HashToken(a).size(), 64u);
  EXPECT_TRUE(Equal("abc", "abc"));
  EXPECT_FALSE(Equal("abc", "abd"));
  EXPECT_FALSE(Equal("abc", "abcd"));
}

}  // namespace
}  // namespace koers::crypto
