// What an innovation that is an algorithm publishes in the national
// Algoritmeregister: the fields of publication standard 1.0 that Koers does
// not already keep elsewhere on the innovation (name, description,
// organisation, status and start date come from the innovation itself;
// formats/register_export.hpp puts the two together).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <span>
#include <string>
#include <vector>

#include "core/status.hpp"

namespace koers {

struct Publication {
  std::string categorie;            // vocab::kPublicatieCategorie or empty
  std::vector<std::string> themas;  // policy areas (the standard's theme)
  std::string contact;              // e-mail address or https address
  std::string publiekspagina;       // link
  std::string bronregistratie;      // source_link: the organisation's own register
  std::string doel_en_impact;
  std::string afwegingen;
  std::string menselijke_tussenkomst;
  std::string risicobeheer;
  std::string wettelijke_grondslag;
  std::string wettelijke_grondslag_link;
  std::string wettelijke_grondslag_titel;
  std::string verwerkingsregister;  // link
  std::string impacttoetsen;
  std::string impacttoets_link;
  std::string impacttoets_toelichting;
  std::string gegevens;
  std::string gegevensbron_link;
  std::string gegevensbron_titel;
  std::string technische_werking;
  std::string leverancier;
  std::string broncode;   // link
  std::string einddatum;  // YYYY-MM
  bool operator==(const Publication&) const = default;
};

// One text field of Publication, with its name in the API, in the standard
// and for people, and the standard's limit.
struct PublicationField {
  enum class Kind { kText, kLink, kMonth, kContact };
  const char* api;       // "doelEnImpact"
  const char* standard;  // "purpose_and_impact"
  const char* label;     // "Doel en impact"
  std::string Publication::*member;
  size_t max;            // code points
  Kind kind;
  bool mandatory;        // the standard requires it
};
std::span<const PublicationField> PublicationFields();

inline constexpr size_t kMaxThemes = 10;

void Normalise(Publication* p);
// Field names in problems are prefixed with "publicatie.".
std::vector<FieldProblem> Validate(const Publication& p);

// Fills the fields of `into` that are empty with those of `from`; true when
// anything was filled. What is already there always stays.
bool FillEmpty(const Publication& from, Publication* into);

nlohmann::json ToJson(const Publication& p);
// Reads the fields present in `body`; unknown fields and wrong types are
// reported with the prefix "publicatie.".
std::vector<FieldProblem> FromJson(const nlohmann::json& body, Publication* out);

}  // namespace koers
