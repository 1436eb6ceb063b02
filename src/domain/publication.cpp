#include "domain/publication.hpp"

#include <nlohmann/json.hpp>
#include <cctype>
#include <set>

#include "core/text.hpp"
#include "domain/account.hpp"
#include "domain/json_reader.hpp"
#include "domain/vocabulary.hpp"

namespace koers {
namespace {

using nlohmann::json;
using Kind = PublicationField::Kind;

constexpr size_t kLink = 500;
constexpr size_t kLong = 2499;

bool IsWebAddress(const std::string& s) {
  if (s.rfind("https://", 0) != 0 && s.rfind("http://", 0) != 0) return false;
  size_t host = s.find("://") + 3;
  if (host >= s.size() || s[host] == '/') return false;
  for (unsigned char c : s)
    if (c <= ' ' || c == 0x7F) return false;
  return true;
}

// YYYY-MM, as the standard writes a month.
bool IsMonth(const std::string& s) {
  if (s.size() != 7 || s[4] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  return month >= 1 && month <= 12;
}

}  // namespace

std::span<const PublicationField> PublicationFields() {
  using P = Publication;
  static const PublicationField kFields[] = {
      {"contact", "contact", "Contactgegevens", &P::contact, kLink, Kind::kContact, true},
      {"publiekspagina", "link", "Link naar publiekspagina", &P::publiekspagina, kLink, Kind::kLink, false},
      {"bronregistratie", "source_link", "Link naar bronregistratie", &P::bronregistratie, kLink, Kind::kLink, false},
      {"doelEnImpact", "purpose_and_impact", "Doel en impact", &P::doel_en_impact, kLong, Kind::kText, true},
      {"afwegingen", "considerations", "Afwegingen", &P::afwegingen, kLong, Kind::kText, true},
      {"menselijkeTussenkomst", "human_intervention", "Menselijke tussenkomst", &P::menselijke_tussenkomst, kLong,
       Kind::kText, true},
      {"risicobeheer", "risk_management", "Risicobeheer", &P::risicobeheer, kLong, Kind::kText, true},
      {"wettelijkeGrondslag", "legal_basis", "Wettelijke basis", &P::wettelijke_grondslag, kLong, Kind::kText, false},
      {"wettelijkeGrondslagLink", "legal_basis_link", "Link naar wettelijke basis", &P::wettelijke_grondslag_link,
       kLink, Kind::kLink, false},
      {"wettelijkeGrondslagTitel", "legal_basis_title", "Titel van wettelijke basis", &P::wettelijke_grondslag_titel,
       99, Kind::kText, false},
      {"verwerkingsregister", "processing_register_link", "Link naar verwerkingsregister", &P::verwerkingsregister,
       kLink, Kind::kLink, false},
      {"impacttoetsen", "impact_assessments", "Impacttoetsen", &P::impacttoetsen, kLong, Kind::kText, true},
      {"impacttoetsLink", "impact_assessment_link", "Link naar impacttoets", &P::impacttoets_link, kLink, Kind::kLink,
       false},
      {"impacttoetsToelichting", "impact_assessment_explanation", "Toelichting op impacttoetsen",
       &P::impacttoets_toelichting, kLong, Kind::kText, false},
      {"gegevens", "data", "Gegevens", &P::gegevens, kLong, Kind::kText, true},
      {"gegevensbronLink", "data_source_link", "Link naar gegevensbronnen", &P::gegevensbron_link, kLink, Kind::kLink,
       false},
      {"gegevensbronTitel", "data_source_title", "Titel van gegevensbron", &P::gegevensbron_titel, 499, Kind::kText,
       false},
      {"technischeWerking", "technical_operation", "Technische werking", &P::technische_werking, 4999, Kind::kText,
       true},
      {"leverancier", "supplier", "Leverancier", &P::leverancier, 199, Kind::kText, true},
      {"broncode", "source_code_link", "Link naar broncode", &P::broncode, kLink, Kind::kLink, false},
      {"einddatum", "end_date", "Einddatum", &P::einddatum, 7, Kind::kMonth, false},
  };
  return kFields;
}

void Normalise(Publication* p) {
  for (const auto& f : PublicationFields()) p->*f.member = Trim(p->*f.member);
  p->categorie = Trim(p->categorie);
  std::vector<std::string> themes;
  std::set<std::string> seen;
  for (const auto& t : p->themas) {
    std::string v = Trim(t);
    if (!v.empty() && seen.insert(v).second) themes.push_back(std::move(v));
  }
  p->themas = std::move(themes);
}

std::vector<FieldProblem> Validate(const Publication& p) {
  std::vector<FieldProblem> out;
  auto add = [&](const std::string& field, std::string message) {
    out.push_back({"publicatie." + field, std::move(message)});
  };
  if (!p.categorie.empty() && !vocab::kPublicatieCategorie.Contains(p.categorie))
    add("categorie", "heeft een onbekende waarde; kies uit: " + vocab::kPublicatieCategorie.Allowed());
  if (p.themas.size() > kMaxThemes) add("themas", "bevat te veel thema's (maximaal " + std::to_string(kMaxThemes) + ")");
  for (size_t i = 0; i < p.themas.size(); ++i) {
    const auto& t = p.themas[i];
    if (!IsValidUtf8(t) || HasControlChars(t) || Utf8Length(t) > 100)
      add("themas[" + std::to_string(i) + "]", "moet een tekst van hoogstens 100 tekens zijn");
  }
  for (const auto& f : PublicationFields()) {
    const std::string& v = p.*f.member;
    if (v.empty()) continue;
    if (!IsValidUtf8(v)) {
      add(f.api, "bevat ongeldige tekens (geen geldige UTF-8)");
    } else if (HasControlChars(v)) {
      add(f.api, "bevat stuurtekens die niet zijn toegestaan");
    } else if (Utf8Length(v) > f.max) {
      add(f.api, "is te lang (maximaal " + std::to_string(f.max) + " tekens)");
    } else if (f.kind == Kind::kLink && !IsWebAddress(v)) {
      add(f.api, "moet een webadres zijn dat begint met https://");
    } else if (f.kind == Kind::kContact && !IsWebAddress(v) && !LooksLikeEmail(v)) {
      add(f.api, "moet een e-mailadres of een webadres (https://…) zijn");
    } else if (f.kind == Kind::kMonth && !IsMonth(v)) {
      add(f.api, "moet een maand zijn in de vorm JJJJ-MM");
    }
  }
  return out;
}

bool FillEmpty(const Publication& from, Publication* into) {
  bool filled = false;
  auto fill = [&](auto& to, const auto& value) {
    if (!to.empty() || value.empty()) return;
    to = value;
    filled = true;
  };
  fill(into->categorie, from.categorie);
  fill(into->themas, from.themas);
  for (const auto& f : PublicationFields()) fill(into->*f.member, from.*f.member);
  return filled;
}

json ToJson(const Publication& p) {
  json j = {{"categorie", OrNull(p.categorie)}, {"themas", p.themas}};
  for (const auto& f : PublicationFields()) j[f.api] = OrNull(p.*f.member);
  return j;
}

std::vector<FieldProblem> FromJson(const json& body, Publication* out) {
  std::vector<FieldProblem> problems;
  if (!body.is_object()) {
    problems.push_back({"publicatie", "moet een object zijn"});
    return problems;
  }
  JsonReader r(body, &problems, "publicatie.");
  r.Code("categorie", &out->categorie);
  r.StrList("themas", &out->themas);
  for (const auto& f : PublicationFields()) r.Str(f.api, &(out->*f.member));
  r.RejectUnknown();
  return problems;
}

}  // namespace koers
