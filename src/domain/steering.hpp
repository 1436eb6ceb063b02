// Steering through the funnel: gate reviews and their decisions, the
// register of unknowns and risks, the business case with its stop list, the
// pitch, an organisation's maturity in data-driven steering, and the figures
// of the funnel (time in phase, lead time against the expected time to
// market, conversion). Facts from the report, sections 3.5-3.7 and 5.1; the
// rules are explained in docs/steering.md.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/status.hpp"
#include "domain/innovation.hpp"

namespace koers {

// --- gate reviews ------------------------------------------------------------

// The four pillars a steering group weighs at a gate.
inline constexpr std::array<const char*, 4> kPillars = {"publiekeWaarde", "gebruikswaarde", "technischeAanpak",
                                                        "kosten"};
// The dark-side check: what can go wrong with a data innovation.
inline constexpr std::array<const char*, 9> kDarkSides = {
    "verliesVanStabiliteit", "onrechtmatigHandelen",     "integriteit",
    "verspillingPubliekGeld", "verdringingLokaalInitiatief", "machtsverschuiving",
    "schadeBelanghebbenden", "technocratischeDominantie", "onvoorzieneVeiligheidsrisicos"};

struct Score {
  std::optional<int> score;  // 1..5
  std::string tekst;         // evidence (pillars) or note (dark side)
  bool operator==(const Score&) const = default;
};

struct Review {
  int64_t id = 0;
  int64_t innovatie_id = 0;
  std::string fase;    // the phase whose end is reviewed
  std::string status;  // concept | vastgesteld
  std::map<std::string, Score> pijlers;       // keys of kPillars
  std::map<std::string, Score> schaduwkanten;  // keys of kDarkSides; score = size of the risk
  std::string besluit;     // go | go_back | hold | no_go; empty in a draft without one
  std::string terug_naar;  // go_back: vorige | blijven
  std::string motivering;
  // Who decided, by name (and role): stuurgroep accounts, named by e-mail
  // address on input and stored by their name, and people without an
  // account, such as a wethouder ("Wethouder J. de Vries").
  std::vector<std::string> besluitvormers;
  std::optional<double> budget;             // euro granted for the next phase
  std::optional<int> doorlooptijd_maanden;  // lead time granted for the next phase
  std::string volgende_beoordeling;         // date of the next review
  std::string opgesteld_door, opgesteld_op;
  std::string vastgesteld_door, vastgesteld_op;
  int64_t versie = 0;
};

// Every rule a review must meet; with `deciding` also those of a decision
// (a decision, a motivation, every pillar scored, the deciders named).
std::vector<FieldProblem> Validate(const Review& r, bool deciding);

// Where a decision takes the innovation. GO: the next phase, actief (in the
// last phase it stays there). GO BACK: the previous phase (or the same with
// terug_naar = blijven), actief. HOLD: gepauzeerd. NO GO: gestopt.
void ApplyDecision(const Review& r, std::string* fase, std::string* status);

// --- unknowns and risks --------------------------------------------------------

struct Uncertainty {
  int64_t id = 0;
  int64_t innovatie_id = 0;
  std::string soort;  // onbekende | risico
  std::string titel;
  std::string omschrijving;
  std::string eigenaar;
  std::string status;  // open | in_aanpak | opgelost | geaccepteerd
  int volgorde = 0;    // planned order; unknowns come first
  std::string uitkomst;
  std::string aangemaakt_op, gewijzigd_op;
};
std::vector<FieldProblem> Validate(const Uncertainty& u);
// Unknowns first, then by planned order, then by id.
void SortForTackling(std::vector<Uncertainty>* items);

// --- business case, pitch, maturity -----------------------------------------------

struct PhaseCost {
  std::string fase;
  std::optional<double> extern_euro;
  std::optional<double> interne_uren;
};
struct Benefit {
  std::string omschrijving;
  std::optional<double> bedrag_per_jaar;  // estimated
  std::string aanname;                    // "1% efficiëntie op X = €Y"
  std::optional<double> gerealiseerd_per_jaar;  // realised, once measured
};
struct StopItem {
  std::string wat;          // the old way of working, tool or system that stops
  std::string vrijgekomen;  // what that frees
  std::optional<double> besparing_per_jaar;
};
struct BusinessCase {
  int64_t innovatie_id = 0;
  std::vector<PhaseCost> kosten;
  std::vector<Benefit> baten;
  std::vector<StopItem> stoplijst;
  std::optional<double> uurtarief;  // euro per internal hour
  int64_t versie = 0;
  std::string gewijzigd_op, gewijzigd_door;
};
std::vector<FieldProblem> Validate(const BusinessCase& b);

struct BusinessCaseTotals {
  double kosten_extern = 0;
  double interne_uren = 0;
  double kosten_intern = 0;  // hours x rate (0 without a rate)
  double baten_per_jaar = 0;
  double gerealiseerd_per_jaar = 0;
  bool iets_gerealiseerd = false;  // some benefit has a realised amount
  double besparing_per_jaar = 0;
  std::optional<double> terugverdientijd_jaren;  // total cost / yearly gains
};
BusinessCaseTotals Totals(const BusinessCase& b, double default_rate);
// Euro per internal hour when a business case names no rate of its own.
inline constexpr double kDefaultHourlyRate = 85;

struct Pitch {
  int64_t innovatie_id = 0;
  int versie = 0;
  std::string behoeften, aanpak, voordelen, alternatieven;
  std::string op, door;
};
std::vector<FieldProblem> Validate(const Pitch& p);

// The stages of data-driven steering an organisation goes through; an
// organisation may be in more than one at a time.
inline constexpr std::array<const char*, 5> kMaturityStages = {
    "agendering_en_coalitievorming", "experimenteren", "verbreden", "verankeren", "het_nieuwe_normaal"};
struct MaturityEntry {
  int64_t id = 0;
  std::string organisatie;
  std::vector<std::string> stadia;
  std::string onderbouwing;
  std::string datum;  // when this held
  std::string op, door;
};
std::vector<FieldProblem> Validate(const MaturityEntry& m);

// --- funnel figures -----------------------------------------------------------------

// Days spent in each phase along a history (ordered by time), up to `now`.
struct PhaseTime {
  std::string fase;
  double dagen = 0;
  bool huidig = false;  // the phase the innovation is in now
};
std::vector<PhaseTime> TimeInPhases(const std::vector<PhaseChange>& history, TimePoint now);

// The typical time to market of an innovation level, in years (report 5.1);
// nullopt for an unknown level.
struct YearRange {
  double min = 0, max = 0;
};
std::optional<YearRange> ExpectedTimeToMarket(const std::string& innovatie_niveau);

// From the first moment known (start date or first history entry) until
// implementatie was reached, or until now when it was not.
struct LeadTime {
  double jaren = 0;
  bool bereikt = false;  // implementatie (or later) reached
  std::optional<YearRange> verwacht;
  bool overschreden = false;  // longer than the expected maximum
};
LeadTime LeadTimeOf(const Innovation& in, TimePoint now);

// Figures over the innovations of one organisation.
struct FunnelOverview {
  std::map<std::string, int> per_fase;
  std::map<std::string, int> per_status;
  int gestart_in_idee = 0;          // histories that begin in idee
  int idee_naar_implementatie = 0;  // ... and reached implementatie or opschaling
  std::map<std::string, std::optional<double>> mediaan_dagen;  // per phase, completed stays only
  std::map<std::string, int> afgeronde_verblijven;             // n behind each median
};
FunnelOverview Overview(const std::vector<Innovation>& innovations, TimePoint now);

// Index of a phase in the funnel (idee 0 ... opschaling 3), -1 when unknown.
int PhaseIndex(const std::string& fase);

// Whether the innovation is, or ever was, in implementatie or opschaling.
bool ReachedImplementation(const Innovation& in);

}  // namespace koers
