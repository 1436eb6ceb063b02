#include "app/accounts.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <filesystem>

#include "store/sqlite/sqlite_connection.hpp"
#include "store/store.hpp"

namespace koers {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_GE(sodium_init(), 0);
    path_ = std::filesystem::temp_directory_path() /
            ("koers-accounts-" + std::to_string(::getpid()) + "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    auto store = OpenStore(path_.string());
    ASSERT_TRUE(store.ok());
    store_ = std::move(store).value();
    ASSERT_TRUE(store_->Write([](Work& w) {
      return w.organisations().AddNew({{0, "GM0344", "Gemeente Utrecht", "gemeente", "", ""}}, TimePoint{});
    }).ok());
    AccountOptions options;
    options.idle_timeout = minutes(30);
    options.absolute_timeout = hours(12);
    options.common_passwords = {"wachtwoord123", "welkom01"};
    accounts_ = std::make_unique<Accounts>(*store_, clock_, options);
    NewUser nu{"Ann@Example.nl", "Ann", "lang-genoeg-geheim", "GM0344", "lid", false};
    auto user = accounts_->CreateUser(nu, Actor::System("test"));
    ASSERT_TRUE(user.ok()) << user.error().message;
    user_ = user.value();
  }
  void TearDown() override {
    accounts_.reset();
    store_.reset();
    std::filesystem::remove(path_);
  }

  std::filesystem::path path_;
  FakeClock clock_{TimePoint(std::chrono::hours(24 * 20000))};
  std::unique_ptr<Store> store_;
  std::unique_ptr<Accounts> accounts_;
  User user_;
};

TEST_F(AccountsTest, StoresArgon2idAndLogsInCaseInsensitively) {
  EXPECT_EQ(user_.email, "ann@example.nl");
  auto stored = store_->Read([&](Work& w) { return w.accounts().GetUser(user_.id); });
  EXPECT_EQ(stored.value().wachtwoord_hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(accounts_->Login("ANN@example.nl", "lang-genoeg-geheim").ok());
  auto bad = accounts_->Login("ann@example.nl", "fout");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::kUnauthenticated);
  auto unknown = accounts_->Login("niemand@example.nl", "lang-genoeg-geheim");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message, bad.error().message) << "no hint whether the address exists";
}

TEST_F(AccountsTest, RefusesShortCommonAndEmailPasswords) {
  EXPECT_EQ(accounts_->CheckPassword("kort", "a@b.nl").size(), 1u);
  EXPECT_EQ(accounts_->CheckPassword("Welkom01", "a@b.nl").size(), 1u) << "case does not help";
  EXPECT_EQ(accounts_->CheckPassword("a@bcd.nl", "a@bcd.nl").size(), 1u);
  EXPECT_TRUE(accounts_->CheckPassword("paard-batterij-nietje", "a@b.nl").empty());
}

TEST_F(AccountsTest, SessionsEndAfterIdleAndAbsoluteTimeouts) {
  auto s = accounts_->Login("ann@example.nl", "lang-genoeg-geheim");
  ASSERT_TRUE(s.ok());
  std::string token = s.value().session_token;
  EXPECT_GE(token.size(), 43u) << ">= 256 random bits";
  clock_.Advance(minutes(29));
  ASSERT_TRUE(accounts_->Authenticate(token).ok());
  clock_.Advance(minutes(29));  // touched a moment ago: still within the idle time
  ASSERT_TRUE(accounts_->Authenticate(token).ok());
  clock_.Advance(minutes(31));
  EXPECT_FALSE(accounts_->Authenticate(token).ok()) << "idle too long";

  auto t = accounts_->Login("ann@example.nl", "lang-genoeg-geheim");
  for (int i = 0; i < 25; ++i) {
    clock_.Advance(minutes(29));
    if (!accounts_->Authenticate(t.value().session_token).ok()) {
      EXPECT_GT(i, 20) << "ended by the absolute time-out after 12 hours";
      return;
    }
  }
  FAIL() << "the session never ended";
}

TEST_F(AccountsTest, DisablingAnAccountEndsItsSessionsAndTokens) {
  auto s = accounts_->Login("ann@example.nl", "lang-genoeg-geheim");
  Actor ann = accounts_->Authenticate(s.value().session_token).value().actor;
  auto token = accounts_->CreateToken("script", ann);
  ASSERT_TRUE(token.ok());
  EXPECT_TRUE(accounts_->AuthenticateToken(token.value().second).ok());
  UserPatch off;
  off.actief = false;
  ASSERT_TRUE(accounts_->UpdateUser(user_.id, off, Actor::System("test")).ok());
  EXPECT_FALSE(accounts_->Authenticate(s.value().session_token).ok());
  EXPECT_FALSE(accounts_->AuthenticateToken(token.value().second).ok());
  EXPECT_FALSE(accounts_->Login("ann@example.nl", "lang-genoeg-geheim").ok());
}

TEST_F(AccountsTest, RevokedTokensStopWorkingAndAreStoredHashed) {
  auto s = accounts_->Login("ann@example.nl", "lang-genoeg-geheim");
  Actor ann = accounts_->Authenticate(s.value().session_token).value().actor;
  auto token = accounts_->CreateToken("script", ann);
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(token.value().second.rfind("koers_", 0), 0u);
  ASSERT_TRUE(accounts_->RevokeToken(token.value().first.id, ann).ok());
  EXPECT_FALSE(accounts_->AuthenticateToken(token.value().second).ok());
  EXPECT_FALSE(accounts_->RevokeToken(token.value().first.id, ann).ok()) << "already revoked";
}

TEST_F(AccountsTest, LogoutEndsTheSessionAndLoginGivesANewId) {
  auto a = accounts_->Login("ann@example.nl", "lang-genoeg-geheim");
  auto b = accounts_->Login("ann@example.nl", "lang-genoeg-geheim");
  EXPECT_NE(a.value().session_token, b.value().session_token);
  ASSERT_TRUE(accounts_->Logout(a.value().session_token).ok());
  EXPECT_FALSE(accounts_->Authenticate(a.value().session_token).ok());
  EXPECT_TRUE(accounts_->Authenticate(b.value().session_token).ok());
}

TEST_F(AccountsTest, TheAuditTrailCannotBeChanged) {
  auto list = store_->Read([](Work& w) { return w.audit().List({true, {}, "gebruiker", ""}, {1, 10}); });
  ASSERT_TRUE(list.ok());
  ASSERT_GE(list.value().items.size(), 1u);
  EXPECT_EQ(list.value().items.back().wijzigingen.find("argon2"), std::string::npos) << "no secrets in the trail";
  // The database itself refuses: no UPDATE or DELETE of audit rows.
  auto conn = sqlite::SqliteConnection::Open(path_.string());
  ASSERT_TRUE(conn.ok());
  EXPECT_FALSE(conn.value()->ExecuteScript("UPDATE audit SET gebruiker = 'iemand anders'").ok());
  EXPECT_FALSE(conn.value()->ExecuteScript("DELETE FROM audit").ok());
  EXPECT_TRUE(conn.value()->ExecuteScript("SELECT count(*) FROM audit").ok());
}

}  // namespace
}  // namespace koers
