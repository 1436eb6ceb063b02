#include "app/diagnosis.hpp"

#include <set>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "domain/checks.hpp"

namespace koers {
namespace {

std::set<std::string> Ids(const std::vector<KnowledgeItem>& items) {
  std::set<std::string> out;
  for (const auto& i : items) out.insert(i.id);
  return out;
}

std::map<std::string, int> Latest(const std::map<std::string, Score>& scores) {
  std::map<std::string, int> out;
  for (const auto& [id, s] : scores)
    if (s.score) out[id] = *s.score;
  return out;
}

bool ReachedImplementation(const Innovation& in) {
  for (const auto& p : in.fase_historie)
    if (p.fase == "implementatie" || p.fase == "opschaling") return true;
  return in.fase == "implementatie" || in.fase == "opschaling";
}

}  // namespace

Result<std::vector<Assessment>> Diagnosis::Diagnoses(int64_t innovation_id, const Actor& actor) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.error();
  return reg_.store().ListDiagnoses(innovation_id);
}

Result<Assessment> Diagnosis::AddDiagnosis(int64_t innovation_id, Assessment a, const Actor& actor,
                                           std::vector<FieldProblem> earlier) {
  auto header = steering_.Editable(innovation_id, actor, true);
  if (!header.ok()) return header.error();
  a.innovatie_id = innovation_id;
  a.organisatie.clear();
  if (a.datum.empty()) a.datum = FormatDate(reg_.clock().Now());
  auto problems = std::move(earlier);
  MergeProblems(&problems, Validate(a, "factoren", Ids(k_.factoren)));
  if (!problems.empty()) return Rejected(std::move(problems), "De diagnose");
  return reg_.store().AddDiagnosis(a, reg_.Change(actor, ""));
}

Result<InnovationDiagnosis> Diagnosis::Advise(int64_t innovation_id, const Actor& actor) {
  auto in = reg_.Get(innovation_id, actor);
  if (!in.ok()) return in.error();
  auto steering = steering_.Facts(innovation_id, actor);
  if (!steering.ok()) return steering.error();
  auto reviews = reg_.store().ListReviews(innovation_id);
  auto diagnoses = reg_.store().ListDiagnoses(innovation_id);
  auto risks = reg_.store().ListUncertainties(innovation_id);
  auto bc = reg_.store().GetBusinessCase(innovation_id);
  auto pitches = reg_.store().ListPitches(innovation_id);
  auto adoptions = reg_.store().ListAdoptions({innovation_id, "", 0});
  for (const Status& st : {reviews.status(), diagnoses.status(), risks.status(), bc.status(), pitches.status(),
                           adoptions.status()})
    if (!st.ok()) return st.error();

  InnovationDiagnosis out;
  InnovationFacts& f = out.feiten;
  const Innovation& i = in.value();
  f.fase = i.fase;
  f.status = i.status;
  f.analyse_niveau = i.analyse_niveau;
  for (const auto& r : reviews.value()) {
    if (r.status != "vastgesteld") continue;
    f.heeft_beoordeling = true;
    f.pijlers = Latest(r.pijlers);  // reviews come oldest first: the last recorded one counts
  }
  if (!diagnoses.value().empty()) f.factoren = Latest(diagnoses.value().front().scores);
  f.team = CheckTeam(k_, i);
  f.heeft_businesscase = bc.value().versie > 0;
  f.heeft_pitch = !pitches.value().empty();
  auto indicators = reg_.store().ListIndicators(innovation_id);
  if (!indicators.ok()) return indicators.error();
  for (const auto& ind : indicators.value()) f.heeft_outcome_indicator = f.heeft_outcome_indicator || ind.soort == "outcome";
  f.beoordeling_achterstallig = steering.value().achterstallig;
  f.doorlooptijd_overschreden = steering.value().doorlooptijd.overschreden;
  f.opgeschaald = !i.opgeschaald_naar.empty();
  for (const auto& a : adoptions.value()) f.opgeschaald = f.opgeschaald || a.status == "in_gebruik";
  for (const auto& t : steering.value().tijd_per_fase)
    if (t.huidig) f.dagen_in_fase = static_cast<int>(t.dagen);
  for (const auto& u : risks.value())
    if (u.soort == "onbekende" && (u.status == "open" || u.status == "in_aanpak")) ++f.open_onbekenden;
  out.advies = AdviseInnovation(k_, f);
  return out;
}

Status Diagnosis::MayReadClimate(const std::string& org, const Actor& actor) {
  if (actor.Anonymous()) return Error{ErrorKind::kUnauthenticated, "Log in om het innovatieklimaat te zien.", {}};
  auto o = reg_.store().GetOrganisation(org);
  if (!o.ok()) return o.error();
  if (!actor.Everything() && !actor.HasAnyRole(org))
    return Forbidden("Alleen wie een rol heeft in " + org + " ziet haar innovatieklimaat.");
  return Status::Ok();
}

Result<std::vector<Assessment>> Diagnosis::Climate(const std::string& org, const Actor& actor) {
  Status st = MayReadClimate(org, actor);
  if (!st.ok()) return st.error();
  return reg_.store().ListClimate(org);
}

Result<Assessment> Diagnosis::AddClimate(const std::string& org, Assessment a, const Actor& actor,
                                         std::vector<FieldProblem> earlier) {
  Status st = MayReadClimate(org, actor);
  if (!st.ok()) return st.error();
  if (!actor.Everything() && !actor.HasRole(org, rol::kBeheerder) && !actor.HasRole(org, rol::kStuurgroep)) {
    log::Warn("toegang_geweigerd", {{"gebruiker", actor.gebruiker_id}, {"organisatie", org}, {"actie", "klimaat"}});
    return Forbidden("Alleen de beheerder of de stuurgroep van " + org + " legt het innovatieklimaat vast.");
  }
  a.organisatie = org;
  a.innovatie_id = 0;
  if (a.datum.empty()) a.datum = FormatDate(reg_.clock().Now());
  auto problems = std::move(earlier);
  MergeProblems(&problems, Validate(a, "kenmerken", Ids(k_.kenmerken), Ids(k_.drempels)));
  if (!problems.empty()) return Rejected(std::move(problems), "De meting");
  auto change = reg_.Change(actor, "");
  change.organisatie = org;
  return reg_.store().AddClimate(a, change);
}

Result<std::vector<AdviceItem>> Diagnosis::AdviseOrganisation(const std::string& org, const Actor& actor) {
  auto history = Climate(org, actor);
  if (!history.ok()) return history.error();
  OrganisationFacts f;
  if (!history.value().empty()) {
    f.kenmerken = Latest(history.value().front().scores);
    f.drempels = Latest(history.value().front().drempels);
  }
  return koers::AdviseOrganisation(k_, f);
}

Result<std::vector<FactorLesson>> Diagnosis::Lessons(const std::string& org, const Actor& actor) {
  auto latest = reg_.store().LatestDiagnoses();
  if (!latest.ok()) return latest.error();
  std::vector<LearningRow> rows;
  for (const auto& d : latest.value()) {
    auto in = reg_.Get(d.innovatie_id, actor);
    if (!in.ok() || (!org.empty() && in.value().organisatie != org)) continue;
    rows.push_back({Latest(d.scores), ReachedImplementation(in.value())});
  }
  return LearnFromPortfolio(k_, rows);
}

}  // namespace koers
