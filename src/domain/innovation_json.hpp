// The JSON form of an innovation, as the API sends and accepts it. This is the
// one place that knows the field names; the reference cases file uses it too.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <vector>

#include "core/status.hpp"
#include "domain/innovation.hpp"

namespace koers {

// Full representation with every field (empty ones as null) and _links.self.
nlohmann::json ToJson(const Innovation& innovation);

// Short form for listings: no team, partners or history; `korteBeschrijving`
// is the start of samenvatting (or doel when there is none).
nlohmann::json ToSummaryJson(const Innovation& innovation);

// The fields that differ between two states of an innovation, as
// {"titel": {"oud": ..., "nieuw": ...}}; `before` or `after` may be null (a
// creation or a deletion). Fields the store manages (versie, timestamps,
// history) are left out. For the audit trail.
nlohmann::json InnovationChanges(const Innovation* before, const Innovation* after);

// Blanks the linked account (`gebruiker`) of every member in `team`, the JSON
// array of team members: which accounts are on a team is for insiders only
// (domain/access.hpp). Anything but an array is left alone.
void HideTeamAccounts(nlohmann::json* team);

// Reads the fields present in `body` into `out`, leaving absent ones as they
// are (so a PATCH can start from the stored innovation). Read-only fields
// (id, versie, aangemaaktOp, ...) are ignored; unknown fields and wrong types
// are reported. Never throws.
std::vector<FieldProblem> FromJson(const nlohmann::json& body, Innovation* out);

}  // namespace koers
