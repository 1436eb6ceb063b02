// Accounts, sessions, API tokens and audit entries.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "domain/access.hpp"

namespace koers {

struct User {
  int64_t id = 0;
  std::string email;  // unique, compared without case
  std::string naam;
  std::string wachtwoord_hash;  // argon2id string; empty for accounts that log in by OIDC only
  std::string oidc_issuer;
  std::string oidc_subject;
  bool actief = true;
  bool landelijk_beheerder = false;
  std::vector<RoleGrant> rollen;
  std::string aangemaakt_op;
  std::string laatst_ingelogd_op;
};

// How a user is shown beside what they did: the name, never the e-mail
// address; "Medewerker 12" for an account without a name.
std::string DisplayName(const User& user);

struct Session {
  std::string id_hash;  // hash of the cookie value; the value itself is never stored
  int64_t gebruiker_id = 0;
  std::string csrf_token;
  std::string aangemaakt_op;
  std::string laatst_gebruikt_op;
};

struct ApiToken {
  int64_t id = 0;
  int64_t gebruiker_id = 0;
  std::string naam;
  std::string aangemaakt_op;
  std::string laatst_gebruikt_op;
  std::string ingetrokken_op;  // empty while valid
};

// One line of the audit trail. `wijzigingen` is a JSON object
// {"field": {"oud": ..., "nieuw": ...}} and never holds secrets.
struct AuditEntry {
  int64_t id = 0;
  std::string op;
  int64_t gebruiker_id = 0;
  std::string gebruiker;    // e-mail or "import"
  std::string organisatie;  // the organisation the change concerns
  std::string actie;        // aangemaakt, gewijzigd, verwijderd, ...
  std::string resource;     // innovatie, gebruiker, rol, token, ...
  std::string resource_id;
  std::string resultaat;  // gelukt, geweigerd
  std::string wijzigingen = "{}";
  std::string verzoek_id;
  // The innovation the entry concerns (itself or one of its parts), 0 for
  // none: the entry's content is for that innovation's readers only.
  int64_t innovatie_id = 0;
};

// Checks an e-mail address loosely (one @, a dot after it, no spaces).
bool LooksLikeEmail(const std::string& email);

}  // namespace koers
