#include "domain/vocabulary.hpp"

#include <array>

namespace koers {

bool Vocabulary::Contains(std::string_view value) const {
  for (const auto& e : entries)
    if (e.value == value) return true;
  return false;
}

std::string_view Vocabulary::Label(std::string_view value) const {
  for (const auto& e : entries)
    if (e.value == value) return e.label;
  return value;
}

std::string Vocabulary::Allowed() const {
  std::string out;
  for (const auto& e : entries) {
    if (!out.empty()) out += ", ";
    out += e.value;
  }
  return out;
}

namespace vocab {
namespace {
// Facts from PRODUCT.md section 5.
constexpr VocabEntry kDomeinEntries[] = {
    {"sociaal", "Sociaal domein"},
    {"fysiek", "Fysiek domein"},
    {"veiligheid", "Veiligheid"},
    {"bedrijfsvoering", "Bedrijfsvoering en financiën"},
};
constexpr VocabEntry kFaseEntries[] = {
    {"idee", "Idee"},
    {"ontwikkeling", "Ontwikkeling"},
    {"implementatie", "Implementatie"},
    {"opschaling", "Opschaling"},
};
constexpr VocabEntry kStatusEntries[] = {
    {"actief", "Actief"},
    {"gepauzeerd", "Gepauzeerd"},
    {"gestopt", "Gestopt"},
    {"op_de_plank", "Op de plank"},
};
constexpr VocabEntry kInnovatieTypeEntries[] = {
    {"incrementeel", "Incrementeel"},
    {"radicaal_beter", "Radicaal beter"},
    {"disruptief", "Disruptief"},
};
constexpr VocabEntry kInnovatieNiveauEntries[] = {
    {"applicatie", "Applicatie (0,5 tot 1,5 jaar)"},
    {"systeem", "Systeem (1 tot 3 jaar)"},
    {"component", "Component (2 tot 4 jaar)"},
    {"technologie", "Technologie (ongeveer 5 jaar)"},
    {"materiaal", "Materiaal (5 tot 10 jaar)"},
};
constexpr VocabEntry kAnalyseNiveauEntries[] = {
    {"beschrijvend", "Beschrijvend: wat is er gebeurd?"},
    {"diagnostisch", "Diagnostisch: waarom gebeurde het?"},
    {"voorspellend", "Voorspellend: wat gaat er gebeuren?"},
    {"voorschrijvend_adviserend", "Voorschrijvend, adviserend"},
    {"voorschrijvend_automatisch", "Voorschrijvend, automatisch"},
};
constexpr VocabEntry kOrientatieEntries[] = {
    {"intern", "Intern gericht"},
    {"extern", "(Ook) extern gericht"},
};
constexpr VocabEntry kWaardeSoortEntries[] = {
    {"inwoners", "Direct voor inwoners"},
    {"openbare_ruimte", "Openbare ruimte"},
    {"werkorganisatie", "Eigen werkorganisatie"},
    {"leren", "Leren"},
};
constexpr VocabEntry kWaardeNiveauEntries[] = {
    {"geen", "Geen"},
    {"beperkt", "Beperkt"},
    {"gemiddeld", "Gemiddeld"},
    {"groot", "Groot"},
};
constexpr VocabEntry kInkoopRouteEntries[] = {
    {"zelf", "Zelf ontwikkeld"},
    {"enkelvoudig_onderhands", "Enkelvoudig onderhands"},
    {"meervoudig_onderhands", "Meervoudig onderhands"},
    {"nationaal", "Nationale aanbesteding"},
    {"europees", "Europese aanbesteding"},
    {"sbir", "SBIR"},
    {"innovatiepartnerschap", "Innovatiepartnerschap"},
    {"alliantie_gemeenten", "Alliantie met gemeenten"},
};
constexpr VocabEntry kZichtbaarheidEntries[] = {
    {"openbaar", "Openbaar: iedereen"},
    {"organisatie", "Organisatie: eigen en partnerorganisaties"},
    {"team", "Team: alleen teamleden"},
};
constexpr VocabEntry kUrgentieEntries[] = {
    {"laag", "Laag"},
    {"gemiddeld", "Gemiddeld"},
    {"hoog", "Hoog"},
};
constexpr VocabEntry kRolEntries[] = {
    {"opdrachtgever", "Opdrachtgever"},
    {"projectleider", "Projectleider"},
    {"projectleider_backup", "Vervanger projectleider"},
    {"domeinexpert", "Domeinexpert"},
    {"data_scientist", "Data scientist"},
    {"data_analist", "Data-analist"},
    {"privacy_officer", "Privacy officer"},
    {"verbinder", "Verbinder"},
    {"implementatiecoach", "Implementatiecoach"},
    {"functioneel_beheerder", "Functioneel beheerder"},
    {"ethicus", "Ethicus"},
    {"communicatie", "Communicatie"},
    {"it", "IT"},
};
constexpr VocabEntry kArchetypeEntries[] = {
    {"antropoloog", "Antropoloog"},
    {"experimenteerder", "Experimenteerder"},
    {"kruisbestuiver", "Kruisbestuiver"},
    {"hordeloper", "Hordeloper"},
    {"samenwerker", "Samenwerker"},
    {"regisseur", "Regisseur"},
    {"belevenisarchitect", "Belevenisarchitect"},
    {"decorontwerper", "Decorontwerper"},
    {"zorgverlener", "Zorgverlener"},
    {"verhalenverteller", "Verhalenverteller"},
};
constexpr VocabEntry kOrganisatieSoortEntries[] = {
    {"gemeente", "Gemeente"},
    {"provincie", "Provincie"},
    {"waterschap", "Waterschap"},
    {"omgevingsdienst", "Omgevingsdienst"},
    {"veiligheidsregio", "Veiligheidsregio"},
    {"samenwerkingsverband", "Samenwerkingsverband of gemeenschappelijke regeling"},
    {"koepel", "Koepelorganisatie"},
    {"marktpartij", "Marktpartij"},
    {"kennisinstelling", "Kennisinstelling"},
    {"overig", "Overige organisatie"},
};
constexpr VocabEntry kGebruikersRolEntries[] = {
    {"lezer", "Lezer: leest de niet-openbare gegevens van de organisatie"},
    {"lid", "Lid: registreert en bewerkt innovaties van de organisatie"},
    {"stuurgroep", "Stuurgroep: neemt besluiten bij de fasepoorten"},
    {"beheerder", "Beheerder: beheert gebruikers en instellingen van de organisatie"},
};
constexpr VocabEntry kAdoptieStatusEntries[] = {
    {"buitenkring", "Kijkt mee (volgt de ontwikkeling)"},
    {"in_uitvoering", "Adoptie loopt"},
    {"in_gebruik", "In gebruik"},
    {"gestopt", "Gestopt"},
};
constexpr VocabEntry kMissieRolEntries[] = {
    {"overheid", "Overheid"},
    {"markt", "Markt (bedrijven)"},
    {"kennisinstellingen", "Kennisinstellingen"},
    {"samenleving", "Inwoners en maatschappelijke organisaties"},
};
constexpr VocabEntry kMissieStatusEntries[] = {
    {"concept", "Concept (alleen de eigenaren)"},
    {"gepubliceerd", "Gepubliceerd"},
};
constexpr VocabEntry kBijdrageStatusEntries[] = {
    {"gevraagd", "Wacht op instemming"},
    {"ingestemd", "Ingestemd"},
    {"afgewezen", "Afgewezen"},
};
constexpr VocabEntry kHergebruikSoortEntries[] = {
    {"aanbesteding", "Aanbestedingsdocumenten"},
    {"broncode", "Broncode"},
    {"datamodel", "Datamodel"},
    {"dpia", "DPIA (gegevensbeschermingseffectbeoordeling)"},
    {"handleiding", "Handleiding"},
    {"businesscase", "Businesscase"},
    {"overig", "Overig document"},
};
constexpr VocabEntry kLesVormEntries[] = {
    {"les", "Les"},
    {"logboek", "Notitie in het logboek"},
};
constexpr VocabEntry kHoeGeleerdEntries[] = {
    {"tijdens_werk", "Tijdens het werk"},
    {"van_anderen", "Van anderen"},
    {"formeel", "Formeel (cursus, opleiding)"},
};
constexpr VocabEntry kLesSoortEntries[] = {
    {"ging_goed", "Ging goed"},
    {"anders_doen", "Volgende keer anders"},
    {"niet_herhalen", "Fout om niet te herhalen"},
};
constexpr VocabEntry kTerugblikSoortEntries[] = {
    {"terugblik", "Terugblik (After Action Review)"},
    {"succes", "Succes bij een mijlpaal"},
};
constexpr VocabEntry kPublicatieCategorieEntries[] = {
    {"hoog_risico", "Hoog-risico AI-systeem (Categorie A)"},
    {"impactvol", "Impactvolle algoritmes (Categorie B)"},
    {"overig", "Overige algoritmes (Categorie C)"},
};

}  // namespace

const Vocabulary kDomein{"domein", kDomeinEntries};
const Vocabulary kFase{"fase", kFaseEntries};
const Vocabulary kStatus{"status", kStatusEntries};
const Vocabulary kInnovatieType{"innovatieType", kInnovatieTypeEntries};
const Vocabulary kInnovatieNiveau{"innovatieNiveau", kInnovatieNiveauEntries};
const Vocabulary kAnalyseNiveau{"analyseNiveau", kAnalyseNiveauEntries};
const Vocabulary kOrientatie{"orientatie", kOrientatieEntries};
const Vocabulary kWaardeSoort{"waardeSoort", kWaardeSoortEntries};
const Vocabulary kWaardeNiveau{"waardeNiveau", kWaardeNiveauEntries};
const Vocabulary kInkoopRoute{"inkoopRoute", kInkoopRouteEntries};
const Vocabulary kZichtbaarheid{"zichtbaarheid", kZichtbaarheidEntries};
const Vocabulary kUrgentie{"urgentie", kUrgentieEntries};
const Vocabulary kRol{"rol", kRolEntries};
const Vocabulary kArchetype{"archetype", kArchetypeEntries};
const Vocabulary kOrganisatieSoort{"organisatieSoort", kOrganisatieSoortEntries};
const Vocabulary kGebruikersRol{"gebruikersRol", kGebruikersRolEntries};
const Vocabulary kAdoptieStatus{"adoptieStatus", kAdoptieStatusEntries};
const Vocabulary kHergebruikSoort{"hergebruikSoort", kHergebruikSoortEntries};
const Vocabulary kLesVorm{"lesVorm", kLesVormEntries};
const Vocabulary kHoeGeleerd{"hoeGeleerd", kHoeGeleerdEntries};
const Vocabulary kLesSoort{"lesSoort", kLesSoortEntries};
const Vocabulary kTerugblikSoort{"terugblikSoort", kTerugblikSoortEntries};
const Vocabulary kPublicatieCategorie{"publicatieCategorie", kPublicatieCategorieEntries};
const Vocabulary kMissieRol{"missieRol", kMissieRolEntries};
const Vocabulary kMissieStatus{"missieStatus", kMissieStatusEntries};
const Vocabulary kBijdrageStatus{"bijdrageStatus", kBijdrageStatusEntries};

std::span<const Vocabulary* const> All() {
  static const std::array<const Vocabulary*, 26> kAll = {
      &kDomein,     &kFase,          &kStatus, &kInnovatieType, &kInnovatieNiveau,
      &kAnalyseNiveau, &kOrientatie, &kWaardeSoort, &kWaardeNiveau, &kInkoopRoute,
      &kZichtbaarheid, &kUrgentie,   &kRol,    &kArchetype,     &kOrganisatieSoort, &kGebruikersRol,
      &kAdoptieStatus, &kHergebruikSoort, &kLesVorm,     &kHoeGeleerd,    &kLesSoort, &kTerugblikSoort, &kPublicatieCategorie,
      &kMissieRol, &kMissieStatus, &kBijdrageStatus};
  return kAll;
}

}  // namespace vocab
}  // namespace koers
