// The value lists (waardelijsten) of the domain: every enumerated field of an
// innovation or organisation takes one of these values. The API publishes
// them at /api/v1/waardelijsten so the UI shows the same labels.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace koers {

struct VocabEntry {
  std::string_view value;  // stable API value, lowercase, no spaces
  std::string_view label;  // Dutch label for people
};

struct Vocabulary {
  std::string_view name;  // API name of the list, e.g. "fase"
  std::span<const VocabEntry> entries;

  bool Contains(std::string_view value) const;
  // Label of `value`, or `value` itself when unknown.
  std::string_view Label(std::string_view value) const;
  // "idee, ontwikkeling, ..." for error messages.
  std::string Allowed() const;
};

namespace vocab {
extern const Vocabulary kDomein;
extern const Vocabulary kFase;
extern const Vocabulary kStatus;
extern const Vocabulary kInnovatieType;
extern const Vocabulary kInnovatieNiveau;
extern const Vocabulary kAnalyseNiveau;
extern const Vocabulary kOrientatie;
extern const Vocabulary kWaardeSoort;
extern const Vocabulary kWaardeNiveau;  // waardecreatie and waardepotentie
extern const Vocabulary kInkoopRoute;
extern const Vocabulary kZichtbaarheid;
extern const Vocabulary kUrgentie;
extern const Vocabulary kRol;
extern const Vocabulary kArchetype;
extern const Vocabulary kOrganisatieSoort;
extern const Vocabulary kGebruikersRol;
extern const Vocabulary kAdoptieStatus;
extern const Vocabulary kHergebruikSoort;
extern const Vocabulary kLesVorm;
extern const Vocabulary kHoeGeleerd;
extern const Vocabulary kLesSoort;
extern const Vocabulary kTerugblikSoort;
// The publication category of the Algoritmeregister standard; the labels
// are the standard's own values.
extern const Vocabulary kPublicatieCategorie;
extern const Vocabulary kMissieRol;
extern const Vocabulary kMissieStatus;
extern const Vocabulary kBijdrageStatus;

// All lists, in a fixed order.
std::span<const Vocabulary* const> All();
}  // namespace vocab

}  // namespace koers
