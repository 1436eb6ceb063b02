// Accounts and access: local and OIDC users, roles per organisation,
// sessions, personal API tokens and the audit trail, with the permission
// rules of domain/access.hpp applied on every call.
#pragma once

#include <chrono>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/status.hpp"
#include "domain/access.hpp"
#include "domain/account.hpp"
#include "app/change.hpp"
#include "store/store.hpp"

namespace koers {

struct AccountOptions {
  std::chrono::seconds idle_timeout{30 * 60};
  std::chrono::seconds absolute_timeout{12 * 3600};
  std::set<std::string> common_passwords;  // lower case
};

// Reads the list of refused passwords (one per line, # comments).
Result<std::set<std::string>> ReadCommonPasswords(const std::string& path);

struct NewUser {
  std::string email;
  std::string naam;
  std::string wachtwoord;   // empty: the account logs in by OIDC only
  std::string organisatie;  // optional first role
  std::string rol;
  bool landelijk_beheerder = false;
};

// Changes to a user; absent fields stay as they are.
struct UserPatch {
  std::optional<std::string> naam;
  std::optional<bool> actief;
  std::optional<bool> landelijk_beheerder;
  std::optional<std::string> wachtwoord;
};

struct SignedIn {
  std::string session_token;  // the cookie value; only the caller ever sees it
  std::string csrf_token;
  User user;
};

struct Authenticated {
  Actor actor;
  std::string csrf_token;  // empty for API tokens (they need no CSRF token)
};

class Accounts {
 public:
  // Borrows store and clock. Thread-safe.
  Accounts(Store& store, const Clock& clock, AccountOptions options)
      : store_(store), clock_(clock), options_(std::move(options)) {}

  // The password rules: at least 8 and at most 256 characters, not a common
  // password, not the e-mail address. Empty when acceptable.
  std::vector<FieldProblem> CheckPassword(const std::string& password, const std::string& email,
                                          const std::string& field = "wachtwoord") const;

  Result<User> CreateUser(const NewUser& user, const Actor& actor);
  Result<User> GetUser(int64_t id, const Actor& actor);
  // Users with a role in an organisation the actor manages (everyone for a
  // landelijk beheerder); an account without roles only when `zoek` is its
  // exact e-mail address.
  Result<Listing<User>> ListUsers(const std::string& zoek, const PageRequest& page, const Actor& actor);
  Result<User> UpdateUser(int64_t id, const UserPatch& patch, const Actor& actor);
  // A beheerder grants a role to an account without roles only when naming
  // its e-mail address (`email`): such accounts are not listed to them.
  Result<RoleGrant> AddRole(int64_t user_id, const std::string& org, const std::string& rol, const Actor& actor,
                            const std::string& email = {});
  Status RemoveRole(int64_t user_id, int64_t role_id, const Actor& actor);

  // Checks e-mail and password and starts a new session (a fresh id: any
  // earlier session of the browser is not reused). The same answer for an
  // unknown address, a wrong password and a disabled account.
  Result<SignedIn> Login(const std::string& email, const std::string& password);
  // Starts a session for a user who proved who they are elsewhere (OIDC).
  Result<SignedIn> StartSession(const User& user);
  // The actor behind a session cookie value; kUnauthenticated when there is
  // no such session, it timed out, or the account is disabled.
  Result<Authenticated> Authenticate(const std::string& session_token);
  Result<Authenticated> AuthenticateToken(const std::string& api_token);
  Status Logout(const std::string& session_token);

  // Personal API tokens. Create returns the token itself once, beside its record.
  Result<std::pair<ApiToken, std::string>> CreateToken(const std::string& naam, const Actor& actor);
  Result<std::vector<ApiToken>> ListTokens(const Actor& actor);
  Status RevokeToken(int64_t id, const Actor& actor);

  // The account for an OIDC identity, created without rights on first login
  // (an existing local account with the same e-mail address is linked).
  // `mapped` are the roles the identity provider's claims map to; they are
  // granted at every login. A login never takes roles away: a beheerder
  // revokes them in Koers.
  Result<User> OidcUser(const std::string& issuer, const std::string& subject, const std::string& email,
                        const std::string& naam, const std::vector<RoleGrant>& mapped);

  // Device cookies (OWASP's answer to lock-outs): a browser that logged in
  // to an account gets a token that proves so. Failed attempts from such a
  // browser count apart from everyone else's, so a stranger who guesses
  // passwords can exhaust only the strangers' allowance, never lock the
  // owner out. DeviceToken makes one for `email`; TrustedDevice returns
  // the device's own key when `token` is one for `email`, else empty.
  Result<std::string> DeviceToken(const std::string& email);
  std::string TrustedDevice(const std::string& token, const std::string& email);

  // OpenID Connect logins in progress (the state, nonce and PKCE verifier
  // of a browser), kept in the store so that any process can finish them.
  // Take returns and forgets one; kNotFound when unknown. One older than
  // `max_age` is returned too, for the caller to refuse as expired.
  Status SaveOidcLogin(const OidcRequest& request);
  Result<OidcRequest> TakeOidcLogin(const std::string& state_hash, std::chrono::seconds max_age);

  // Removes timed-out sessions; call now and then.
  Status Housekeeping();

 private:
  Actor ActorOf(const User& user) const;
  ChangeContext Change(const Actor& actor) const;
  bool MaySee(const Actor& actor, const User& user) const;
  bool MayManage(const Actor& actor, const User& user) const;
  Result<std::string> DeviceSecret();
  Store& store_;
  const Clock& clock_;
  AccountOptions options_;
  std::mutex secret_mutex_;
  std::string device_secret_;
};

}  // namespace koers
