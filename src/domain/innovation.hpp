// The innovation: one data-driven project of one organisation, described by the
// classification fields of PRODUCT.md section 5. Field names follow the API
// (docs/api.md and api/openapi.json); enumerated fields take values of
// domain/vocabulary.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/status.hpp"
#include "domain/publication.hpp"

namespace koers {

struct TeamMember {
  std::string naam;
  std::string rol;                      // vocab::kRol
  std::vector<std::string> archetypen;  // vocab::kArchetype
  std::string gebruiker;                // e-mail of the Koers account, if linked
  int64_t gebruiker_id = 0;             // resolved from `gebruiker` by the register
  bool operator==(const TeamMember&) const = default;
};

// Where an imported record came from.
struct Source {
  std::string registry;  // "algoritmeregister"
  std::string id;        // id in that register
  std::string url;
  std::string status;          // status as the register wrote it
  std::string geregistreerd;   // date, YYYY-MM-DD or empty
  bool operator==(const Source&) const = default;
};

struct PhaseChange {
  std::string fase;
  std::string status;
  std::string op;    // timestamp
  std::string door;  // who made the change
  std::string reden;
  bool operator==(const PhaseChange&) const = default;
};

struct Innovation {
  int64_t id = 0;
  std::string titel;
  std::string samenvatting;
  std::string opgave;    // the problem or societal task
  std::string urgentie;  // vocab::kUrgentie or empty
  std::string doel;
  std::string organisatie;            // organisation code
  std::string organisatie_naam;       // filled by the store on read
  std::vector<std::string> partners;  // organisation codes: the inner circle that develops it
  // The partners whose members (lid, beheerder) may edit it, as agreed with
  // the owner; a subset of `partners`.
  std::vector<std::string> partners_met_bewerkrecht;
  std::string domein;                 // vocab::kDomein or empty
  std::vector<std::string> tags;
  std::string fase;    // vocab::kFase
  std::string status;  // vocab::kStatus
  std::string innovatie_type;
  std::string innovatie_niveau;
  std::optional<int> trl;  // 1..9
  std::string analyse_niveau;
  std::string orientatie;
  std::vector<std::string> waarde_soorten;
  std::string waardecreatie;
  std::string waardepotentie;
  std::string start_datum;  // YYYY-MM-DD or empty
  std::optional<double> kosten_extern;  // euro, out of pocket
  std::optional<double> interne_uren;
  std::string inkoop_route;
  std::vector<std::string> technieken;
  std::vector<std::string> databronnen;
  std::vector<TeamMember> team;
  std::string zichtbaarheid = "team";  // the narrowest: nothing is widened by default
  std::optional<Source> bron;
  std::string referentie;                     // id of a reference case of the report
  std::vector<std::string> opgeschaald_naar;  // organisations that took it over
  // For an algorithm: what it publishes in the Algoritmeregister.
  std::optional<Publication> publicatie;
  // Keeping the registration current (YYYY-MM-DD): when someone who may
  // edit it last confirmed it (set by the register on every change by a
  // person and on a confirmation), and by when it should be checked again
  // (a year later unless the team chose another date).
  std::string bevestigd_op;
  std::string herzien_op;
  // Managed by the store:
  int64_t aangemaakt_door = 0;  // user id of the creator; 0 for the system
  int64_t versie = 0;
  std::string aangemaakt_op;
  std::string gewijzigd_op;
  std::vector<PhaseChange> fase_historie;
};

// Keeps the review dates of a registration (bevestigd_op, herzien_op): a
// change by a person confirms it today and puts the next review a year on,
// unless that person chose another date than `before` had; a change by the
// system (an import, an adopter's copy) keeps what `before` had, or starts
// today when there was nothing.
void StampReview(Innovation* in, const Innovation* before, TimePoint now, bool by_person);

// Who may read and change `in` (domain/access.hpp): its owner, partners,
// visibility, linked team members (and which are project leaders), creator.
struct AccessFacts;
AccessFacts FactsOf(const Innovation& in);

// Limits on sizes, shared by validation, the importer and the OpenAPI document.
namespace limits {
inline constexpr size_t kTitle = 200;
inline constexpr size_t kShortText = 200;
inline constexpr size_t kLongText = 10000;
inline constexpr size_t kListItems = 50;
inline constexpr size_t kListItem = 100;
inline constexpr size_t kTeamMembers = 50;
}  // namespace limits

// Trims texts and list items and drops empty list items and duplicates, so
// that stored values are canonical.
void Normalise(Innovation* innovation);

// Every rule an innovation must meet by itself; empty when valid. Whether the
// organisation codes exist is the service's business.
std::vector<FieldProblem> Validate(const Innovation& innovation);

}  // namespace koers
