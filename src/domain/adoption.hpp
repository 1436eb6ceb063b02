// Adoption and reuse: another organisation takes over an innovation. An
// adoption records where the adopting organisation stands (interest in the
// outer circle, adoption under way, in use, stopped) with dated steps and
// notes, and may link the adopter's own innovation that started as a copy
// of the source. Reuse assets are what the source offers to make that
// easier: procurement documents, source code, data model, DPIA, manual,
// business case, each with its licence.
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "domain/innovation.hpp"

namespace koers {

struct AdoptionStep {
  std::string status;
  std::string datum;  // YYYY-MM-DD, when it happened
  std::string notitie;
  std::string door;  // who recorded it
  std::string op;    // when it was recorded
};

struct Adoption {
  int64_t id = 0;
  int64_t bron_id = 0;       // the innovation taken over
  std::string organisatie;   // code of the adopting organisation
  std::string organisatie_naam;  // filled by the store on read
  std::string status;        // vocab::kAdoptieStatus
  std::string datum;         // of the current status
  std::string notitie;
  int64_t innovatie_id = 0;  // the adopter's own innovation, 0 when none
  // The adopter's own copy of the source: "" (none asked), "gevraagd" (the
  // source is not public: waits for its owner's consent), "geweigerd", or
  // "gemaakt" (innovatie_id is the copy).
  std::string kopie;
  std::vector<AdoptionStep> historie;  // oldest first
  int64_t versie = 0;
  std::string aangemaakt_op, gewijzigd_op;
};
std::vector<FieldProblem> Validate(const Adoption& a);

struct ReuseAsset {
  int64_t id = 0;
  int64_t innovatie_id = 0;
  std::string soort;  // vocab::kHergebruikSoort
  std::string titel;
  std::string url;
  std::string licentie;  // an SPDX id such as EUPL-1.2, or words
  std::string toelichting;
  std::string aangemaakt_op, gewijzigd_op;
};
std::vector<FieldProblem> Validate(const ReuseAsset& r);

// The adopter's first version of the innovation: the source's description,
// classification, techniques and data, and its team's roles (without the
// people: the adopter fills them in), in phase idee, visible to the
// adopting organisation. Only for a public source, or with the consent of
// its owner (app/adoption.hpp).
Innovation AdoptedCopy(const Innovation& source, const std::string& organisatie);
// What a source's documents become in the copy.
std::vector<ReuseAsset> AdoptedAssets(const std::vector<ReuseAsset>& source);

nlohmann::json ToJson(const AdoptionStep& s);
nlohmann::json ToJson(const ReuseAsset& r);
// Reads the writable fields (bron: the source's id); `maak_innovatie`
// receives maakInnovatie.
std::vector<FieldProblem> FromJson(const nlohmann::json& j, Adoption* a, bool* maak_innovatie);
std::vector<FieldProblem> FromJson(const nlohmann::json& j, ReuseAsset* r);

}  // namespace koers
