#include "app/diagnosis.hpp"

#include <algorithm>
#include <set>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "domain/checks.hpp"
#include "domain/steering_json.hpp"

#include <nlohmann/json.hpp>

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

}  // namespace

Result<std::vector<Assessment>> Diagnosis::Diagnoses(int64_t innovation_id, const Actor& actor) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.error();
  return store_.Read([&](Work& w) { return w.diagnosis().ListDiagnoses(innovation_id); });
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
  ChangeContext change = reg_.Change(actor);
  const std::string org = header.value().facts.organisatie;
  return store_.Write([&](Work& w) -> Result<Assessment> {
    auto stored = w.diagnosis().AddDiagnosis(a, change.door, change.op);
    if (!stored.ok()) return stored;
    Status st = w.audit().Append(PartAudit(change, "aangemaakt", "diagnose", std::to_string(stored.value().id), org,
                                           innovation_id, nlohmann::json::object(), ToJson(stored.value(), "factoren")));
    if (!st.ok()) return st.error();
    return stored;
  });
}

Result<InnovationDiagnosis> Diagnosis::Advise(int64_t innovation_id, const Actor& actor) {
  auto in = reg_.Get(innovation_id, actor);
  if (!in.ok()) return in.error();
  auto steering = steering_.Facts(innovation_id, actor);
  if (!steering.ok()) return steering.error();
  // Everything the rules look at, from one snapshot.
  std::vector<Review> reviews;
  std::vector<Assessment> diagnoses;
  std::vector<Uncertainty> risks;
  BusinessCase bc;
  std::vector<Pitch> pitches;
  std::vector<Adoption> adoptions;
  std::vector<Indicator> indicators;
  std::vector<Lesson> lessons;
  Status read = store_.Read([&](Work& w) -> Status {
    auto r = w.steering().ListReviews(innovation_id);
    auto d = w.diagnosis().ListDiagnoses(innovation_id);
    auto u = w.steering().ListUncertainties(innovation_id);
    auto b = w.steering().GetBusinessCase(innovation_id);
    auto p = w.steering().ListPitches(innovation_id);
    auto a = w.adoptions().List({innovation_id, {}, "", 0});
    auto i = w.indicators().List(innovation_id);
    auto l = w.learning().Lessons(innovation_id);
    for (const Status& st : {r.status(), d.status(), u.status(), b.status(), p.status(), a.status(), i.status(),
                             l.status()})
      if (!st.ok()) return st;
    lessons = std::move(l).value();
    reviews = std::move(r).value();
    diagnoses = std::move(d).value();
    risks = std::move(u).value();
    bc = std::move(b).value();
    pitches = std::move(p).value();
    adoptions = std::move(a).value();
    indicators = std::move(i).value();
    return Status::Ok();
  });
  if (!read.ok()) return read.error();

  InnovationDiagnosis out;
  InnovationFacts& f = out.feiten;
  const Innovation& i = in.value();
  f.fase = i.fase;
  f.status = i.status;
  f.analyse_niveau = i.analyse_niveau;
  for (const auto& r : reviews) {
    if (r.status != "vastgesteld") continue;
    f.heeft_beoordeling = true;
    f.pijlers = Latest(r.pijlers);  // reviews come oldest first: the last recorded one counts
  }
  if (!diagnoses.empty()) f.factoren = Latest(diagnoses.front().scores);
  f.team = CheckTeam(k_, i);
  f.heeft_businesscase = bc.versie > 0;
  f.heeft_pitch = !pitches.empty();
  for (const auto& ind : indicators) f.heeft_outcome_indicator = f.heeft_outcome_indicator || ind.soort == "outcome";
  f.beoordeling_achterstallig = steering.value().achterstallig;
  f.doorlooptijd_overschreden = steering.value().doorlooptijd.overschreden;
  f.opgeschaald = !i.opgeschaald_naar.empty();
  for (const auto& a : adoptions) f.opgeschaald = f.opgeschaald || a.status == "in_gebruik";
  for (const auto& t : steering.value().tijd_per_fase)
    if (t.huidig) f.dagen_in_fase = static_cast<int>(t.dagen);
  for (const auto& u : risks)
    if (u.soort == "onbekende" && (u.status == "open" || u.status == "in_aanpak")) ++f.open_onbekenden;
  // Learning: only lessons the viewer may read count, so the advice tells
  // nobody that a hidden lesson exists.
  const TimePoint now = reg_.clock().Now();
  const ReviewDue& due = steering.value().terugblik;
  TimePoint since;
  if (!due.laatste.empty() ? ParseTimestamp(due.laatste, &since)
                           : !i.fase_historie.empty() && ParseTimestamp(i.fase_historie.front().op, &since))
    f.dagen_zonder_terugblik = static_cast<int>(std::chrono::duration<double>(now - since).count() / 86400.0);
  f.terugblik_te_laat = due.te_laat;
  if (!steering.value().besluitdata.empty()) {
    const std::string& last_gate = steering.value().besluitdata.back();
    const AccessFacts facts = FactsOf(i);
    f.geen_les_na_poort = std::none_of(lessons.begin(), lessons.end(), [&](const Lesson& l) {
      return l.vorm == "les" && l.aangemaakt_op >= last_gate && CanReadLesson(actor, facts, l);
    });
  }
  int leaders = 0;
  for (const auto& m : i.team) leaders += m.rol == "projectleider";
  // One projectleider carries active work past the idea: nobody takes over.
  f.projectleider_zonder_vervanger = leaders == 1 && i.status == "actief" && PhaseIndex(i.fase) >= 1;
  out.advies = AdviseInnovation(k_, f);
  return out;
}

Status Diagnosis::MayReadClimate(const std::string& org, const Actor& actor) {
  if (actor.Anonymous()) return Error{ErrorKind::kUnauthenticated, "Log in om het innovatieklimaat te zien.", {}};
  auto o = reg_.GetOrganisation(org);
  if (!o.ok()) return o.error();
  if (!actor.Everything() && !actor.HasAnyRole(org))
    return Forbidden("Alleen wie een rol heeft in " + org + " ziet haar innovatieklimaat.");
  return Status::Ok();
}

Result<std::vector<Assessment>> Diagnosis::Climate(const std::string& org, const Actor& actor) {
  Status st = MayReadClimate(org, actor);
  if (!st.ok()) return st.error();
  return store_.Read([&](Work& w) { return w.diagnosis().ListClimate(org); });
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
  ChangeContext change = reg_.Change(actor);
  return store_.Write([&](Work& w) -> Result<Assessment> {
    auto stored = w.diagnosis().AddClimate(a, change.door, change.op);
    if (!stored.ok()) return stored;
    Status st = w.audit().Append(AuditFor(change, "aangemaakt", "klimaatmeting", std::to_string(stored.value().id), org,
                                          JsonChanges(nlohmann::json::object(), ToJson(stored.value(), "kenmerken"))));
    if (!st.ok()) return st.error();
    return stored;
  });
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
  // The newest diagnosis of each innovation, and those innovations (with
  // their history) in one batch; only what the actor may read counts.
  auto latest = store_.Read([&](Work& w) -> Result<std::pair<std::vector<Assessment>, std::vector<Innovation>>> {
    auto diagnoses = w.diagnosis().LatestDiagnoses();
    if (!diagnoses.ok()) return diagnoses.error();
    std::vector<int64_t> ids;
    for (const auto& d : diagnoses.value()) ids.push_back(d.innovatie_id);
    auto innovations = w.innovations().GetMany(ids);
    if (!innovations.ok()) return innovations.error();
    return std::make_pair(std::move(diagnoses).value(), std::move(innovations).value());
  });
  if (!latest.ok()) return latest.error();
  std::map<int64_t, const Innovation*> by_id;
  for (const auto& in : latest.value().second) by_id[in.id] = &in;
  std::vector<LearningRow> rows;
  for (const auto& d : latest.value().first) {
    auto it = by_id.find(d.innovatie_id);
    if (it == by_id.end()) continue;
    const Innovation& in = *it->second;
    if (!org.empty() && in.organisatie != org) continue;
    auto header = reg_.Header(in.id, actor);
    if (!header.ok()) continue;
    rows.push_back({Latest(d.scores), ReachedImplementation(in)});
  }
  return LearnFromPortfolio(k_, rows);
}

}  // namespace koers
