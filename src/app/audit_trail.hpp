// Reading the audit trail: who changed what, when, with the old and new
// values. Beheerders read the entries of their organisations; an entry's
// values are shown only to who may read the innovation it concerns (the
// rule of docs/access.md: nothing is derived from what the viewer may not
// read), otherwise the entry is listed with its values masked.
#pragma once

#include "app/register.hpp"
#include "domain/account.hpp"

namespace koers {

struct AuditView {
  AuditEntry entry;
  bool afgeschermd = false;  // the values are masked for this viewer
};

class AuditTrail {
 public:
  // Borrows both. Thread-safe.
  AuditTrail(Store& store, Register& reg) : store_(store), reg_(reg) {}

  // kUnauthenticated for anonymous actors, kForbidden for who manages no
  // organisation. Newest first.
  Result<Listing<AuditView>> List(AuditFilter filter, const PageRequest& page, const Actor& actor);

 private:
  Store& store_;
  Register& reg_;
};

}  // namespace koers
