// Reading the audit trail: who changed what, when, with the old and new
// values. Beheerders read the entries of their organisations; an entry's
// values are shown only to who may read the innovation it concerns (the
// rule of docs/access.md: nothing is derived from what the viewer may not
// read), otherwise the entry is listed with its values masked.
#pragma once

#include <nlohmann/json.hpp>

#include "app/register.hpp"
#include "domain/account.hpp"

namespace koers {

struct AuditView {
  AuditEntry entry;
  bool afgeschermd = false;  // the values are masked for this viewer
};

// One version of an innovation: what one change did to it.
struct Version {
  int64_t nummer = 0;  // 1 for the creation
  std::string op;      // when
  std::string door;    // who, by name (never an e-mail address)
  std::string actie;   // aangemaakt, gewijzigd, verwijderd
  nlohmann::json wijzigingen;  // {"veld": {"oud": ..., "nieuw": ...}}
};

class AuditTrail {
 public:
  // Borrows both. Thread-safe.
  AuditTrail(Store& store, Register& reg) : store_(store), reg_(reg) {}

  // kUnauthenticated for anonymous actors, kForbidden for who manages no
  // organisation. Newest first.
  Result<Listing<AuditView>> List(AuditFilter filter, const PageRequest& page, const Actor& actor);

  // The versions of innovation `id`, newest first, for whoever may read it;
  // a removed innovation for whoever could read it when it was removed
  // (judged on its last owner, partners and visibility). Accounts linked to
  // team members are shown only to insiders, as on the innovation itself.
  // kNotFound when there is no such innovation for `actor`.
  Result<Listing<Version>> History(int64_t id, const PageRequest& page, const Actor& actor);

 private:
  Store& store_;
  Register& reg_;
};

}  // namespace koers
