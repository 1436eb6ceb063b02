// Accounts and what proves who someone is: users and their roles per
// organisation, sessions and API tokens (by the hash of their secret),
// OpenID Connect logins in progress, and the installation's secrets.
//
// Contract: as innovation_store.hpp (kNotFound for unknown keys, calls run in
// the unit of work they came from); kConflict for an e-mail address or an
// OIDC identity already in use.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/status.hpp"
#include "domain/account.hpp"
#include "store/innovation_store.hpp"

namespace koers {

struct UserFilter {
  bool alles = false;                     // every user
  std::vector<std::string> organisaties;  // else: users with a role in one of these,
  std::string zoek;                       //   or without roles when `zoek` is their exact address;
                                          // `zoek` filters on part of e-mail or name
};

struct OidcRequest {
  std::string state_hash;
  std::string nonce;
  std::string code_verifier;
  std::string terug_naar;  // path to return to after login
  TimePoint aangemaakt_op;
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;

  // Users come with their roles (ordered by organisation, then role).
  virtual Result<int64_t> CreateUser(const User& user, TimePoint now) = 0;
  virtual Result<User> GetUser(int64_t id) = 0;
  // By the e-mail address (already lower case).
  virtual Result<User> FindUserByEmail(const std::string& email) = 0;
  virtual Result<User> FindUserByOidc(const std::string& issuer, const std::string& subject) = 0;
  // Ordered by e-mail address.
  virtual Result<Listing<User>> ListUsers(const UserFilter& filter, const PageRequest& page) = 0;
  // Saves naam, actief, landelijk_beheerder, the password hash and the OIDC link.
  virtual Status UpdateUser(const User& user) = 0;
  virtual Status RecordLogin(int64_t user_id, TimePoint now) = 0;
  // The grant, also when the user had it already.
  virtual Result<RoleGrant> AddRole(int64_t user_id, const std::string& org, const std::string& rol) = 0;
  virtual Status RemoveRole(int64_t user_id, int64_t role_id) = 0;

  virtual Status CreateSession(const Session& session) = 0;
  virtual Result<Session> GetSession(const std::string& id_hash) = 0;
  virtual Status TouchSession(const std::string& id_hash, TimePoint now) = 0;
  virtual Status DeleteSession(const std::string& id_hash) = 0;
  virtual Status DeleteSessionsOf(int64_t user_id) = 0;
  // Removes sessions idle since before `idle_before` or created before `created_before`.
  virtual Status DeleteExpiredSessions(TimePoint idle_before, TimePoint created_before) = 0;

  virtual Result<ApiToken> CreateToken(int64_t user_id, const std::string& naam, const std::string& token_hash,
                                       TimePoint now) = 0;
  // A token that is not revoked; kNotFound otherwise.
  virtual Result<ApiToken> FindToken(const std::string& token_hash) = 0;
  virtual Result<std::vector<ApiToken>> ListTokens(int64_t user_id) = 0;
  virtual Status TouchToken(int64_t token_id, TimePoint now) = 0;
  // kNotFound when `user_id` has no such valid token.
  virtual Status RevokeToken(int64_t user_id, int64_t token_id, TimePoint now) = 0;

  virtual Status SaveOidcRequest(const OidcRequest& request) = 0;
  // Returns and removes the request of `state_hash` (kNotFound when
  // unknown; an expired one is returned, for the caller to refuse), and
  // removes those created before `older_than`.
  virtual Result<OidcRequest> TakeOidcRequest(const std::string& state_hash, TimePoint older_than) = 0;

  // The secret `name` of this installation; `fresh` becomes it the first
  // time. Every process on the database gets the same one.
  virtual Result<std::string> Secret(const std::string& name, const std::string& fresh) = 0;
};

}  // namespace koers
