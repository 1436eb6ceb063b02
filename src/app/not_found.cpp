#include "app/not_found.hpp"

namespace koers {

Error NotFoundError(Missing what) {
  switch (what) {
    case Missing::kInnovation: return NotFound("Deze innovatie bestaat niet of is niet zichtbaar voor u.");
    case Missing::kOrganisation: return NotFound("Deze organisatie bestaat niet.");
    case Missing::kUser: return NotFound("Deze gebruiker bestaat niet of is niet zichtbaar voor u.");
    case Missing::kRole: return NotFound("Deze rol bestaat niet.");
    case Missing::kToken: return NotFound("Dit token bestaat niet of is al ingetrokken.");
    case Missing::kReview: return NotFound("Deze fasebeoordeling bestaat niet of is niet zichtbaar voor u.");
    case Missing::kUncertainty: return NotFound("Deze onbekende of dit risico bestaat niet of is niet zichtbaar voor u.");
    case Missing::kAdoption: return NotFound("Deze adoptie bestaat niet of is niet zichtbaar voor u.");
    case Missing::kReuseAsset: return NotFound("Dit hergebruikdocument bestaat niet of is niet zichtbaar voor u.");
    case Missing::kCluster: return NotFound("Dit cluster bestaat niet of is niet zichtbaar voor u.");
    case Missing::kIndicator: return NotFound("Deze indicator bestaat niet of is niet zichtbaar voor u.");
    case Missing::kMunicipalityMap: return NotFound("De kaart van de gemeenten is niet beschikbaar.");
    case Missing::kLesson: return NotFound("Deze les bestaat niet of is niet zichtbaar voor u.");
    case Missing::kActionReview: return NotFound("Deze terugblik bestaat niet of is niet zichtbaar voor u.");
    case Missing::kInvitation: return NotFound("Deze uitnodiging bestaat niet, is verlopen of is niet voor u.");
  }
  return NotFound("");
}

Error Worded(Error e, Missing what) { return e.kind == ErrorKind::kNotFound ? NotFoundError(what) : std::move(e); }

}  // namespace koers
