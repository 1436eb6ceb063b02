#include "app/steering.hpp"

#include "core/log.hpp"
#include "core/text.hpp"
#include "domain/checks.hpp"

namespace koers {
namespace {

std::string Today(const Clock& clock) { return FormatDate(clock.Now()); }

// The planned date of the next review: from the latest decision.
std::string NextReview(const std::vector<Review>& recorded) {
  return recorded.empty() ? "" : recorded.back().volgende_beoordeling;
}

}  // namespace

void Steering::ResolveDeciders(Review* r, const std::string& org, bool deciding, std::vector<FieldProblem>* problems) {
  for (size_t i = 0; i < r->besluitvormers.size(); ++i) {
    std::string& item = r->besluitvormers[i];
    item = Trim(item);
    if (item.find('@') == std::string::npos) continue;  // a person without an account, by name
    std::string field = "besluitvormers[" + std::to_string(i) + "]";
    auto user = reg_.store().FindUserByEmail(AsciiLower(item));
    if (!user.ok() || !user.value().actief) {
      problems->push_back({field, "er is geen Koers-account met dit e-mailadres; noem iemand zonder account bij naam"});
      continue;
    }
    bool member = false;
    for (const auto& g : user.value().rollen) member = member || (g.organisatie == org && g.rol == rol::kStuurgroep);
    if (deciding && !member) {
      problems->push_back({field, "is geen lid van de stuurgroep van " + org});
      continue;
    }
    item = DisplayName(user.value());  // shown by name, never by address
  }
}

Status Steering::NeedsLogin(const Actor& actor) const {
  if (actor.Anonymous()) return Error{ErrorKind::kUnauthenticated, "Log in om de sturing bij te werken.", {}};
  return Status::Ok();
}

Result<InnovationHeader> Steering::Editable(int64_t innovation_id, const Actor& actor, bool or_decide) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header;
  Status login = NeedsLogin(actor);
  if (!login.ok()) return login.error();
  const auto& f = header.value().facts;
  if (!CanEdit(actor, f) && !(or_decide && CanDecide(actor, f))) {
    log::Warn("toegang_geweigerd", {{"gebruiker", actor.gebruiker_id}, {"innovatie", innovation_id}, {"actie", "sturing"}});
    return Forbidden("Alleen het team (lid of projectleider) of de stuurgroep van " + f.organisatie +
                     " werkt de sturing van deze innovatie bij.");
  }
  return header;
}

Result<std::vector<Review>> Steering::Reviews(int64_t innovation_id, const Actor& actor) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.error();
  return reg_.store().ListReviews(innovation_id);
}

Result<Review> Steering::GetReview(int64_t innovation_id, int64_t review_id, const Actor& actor) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.error();
  return reg_.store().GetReview(innovation_id, review_id);
}

Result<Review> Steering::CreateReview(int64_t innovation_id, Review draft, const Actor& actor,
                                      std::vector<FieldProblem> earlier) {
  auto header = Editable(innovation_id, actor, true);
  if (!header.ok()) return header.error();
  draft.innovatie_id = innovation_id;
  if (draft.fase.empty()) {
    auto in = reg_.store().GetInnovation(innovation_id);
    if (!in.ok()) return in.error();
    draft.fase = in.value().fase;
  }
  auto problems = std::move(earlier);
  ResolveDeciders(&draft, header.value().facts.organisatie, false, &problems);
  MergeProblems(&problems, Validate(draft, false));
  if (!problems.empty()) return Rejected(std::move(problems), "De beoordeling");
  return reg_.store().CreateReview(draft, reg_.Change(actor, ""));
}

Result<Review> Steering::UpdateReview(int64_t innovation_id, int64_t review_id, Review draft, int64_t expected_version,
                                      const Actor& actor, std::vector<FieldProblem> earlier) {
  auto header = Editable(innovation_id, actor, true);
  if (!header.ok()) return header.error();
  draft.innovatie_id = innovation_id;
  draft.id = review_id;
  auto problems = std::move(earlier);
  ResolveDeciders(&draft, header.value().facts.organisatie, false, &problems);
  MergeProblems(&problems, Validate(draft, false));
  if (!problems.empty()) return Rejected(std::move(problems), "De beoordeling");
  return reg_.store().UpdateReview(draft, expected_version, reg_.Change(actor, ""));
}

Status Steering::DeleteReview(int64_t innovation_id, int64_t review_id, const Actor& actor) {
  auto header = Editable(innovation_id, actor, true);
  if (!header.ok()) return header.error();
  return reg_.store().DeleteReview(innovation_id, review_id, reg_.Change(actor, ""));
}

Result<Review> Steering::Decide(int64_t innovation_id, int64_t review_id, Review final, const Actor& actor,
                                std::vector<FieldProblem> earlier) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.error();
  Status login = NeedsLogin(actor);
  if (!login.ok()) return login.error();
  const auto& facts = header.value().facts;
  if (!CanDecide(actor, facts)) {
    log::Warn("toegang_geweigerd", {{"gebruiker", actor.gebruiker_id}, {"innovatie", innovation_id}, {"actie", "besluit"}});
    return Forbidden("Alleen de stuurgroep van " + facts.organisatie + " stelt besluiten vast.");
  }
  final.innovatie_id = innovation_id;
  final.id = review_id;
  if (final.besluitvormers.empty() && actor.gebruiker_id > 0) final.besluitvormers.push_back(actor.weergavenaam);
  auto problems = std::move(earlier);
  ResolveDeciders(&final, facts.organisatie, true, &problems);
  MergeProblems(&problems, Validate(final, true));
  if (!problems.empty()) return Rejected(std::move(problems), "Het besluit");
  auto in = reg_.store().GetInnovation(innovation_id);
  if (!in.ok()) return in.error();
  std::string fase = in.value().fase, status = in.value().status;
  ApplyDecision(final, &fase, &status);
  static const std::map<std::string, std::string> kLabels = {
      {"go", "GO"}, {"go_back", "GO BACK"}, {"hold", "HOLD"}, {"no_go", "NO GO"}};
  auto recorded = reg_.store().RecordDecision(final, fase, status,
                                              reg_.Change(actor, "besluit " + kLabels.at(final.besluit) + ": " +
                                                                     final.motivering.substr(0, 200)));
  if (!recorded.ok()) return recorded;
  reg_.Absorb();
  return recorded;
}

Result<std::vector<Uncertainty>> Steering::Uncertainties(int64_t innovation_id, const Actor& actor) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.error();
  return reg_.store().ListUncertainties(innovation_id);
}

Result<Uncertainty> Steering::SaveUncertainty(int64_t innovation_id, Uncertainty item, const Actor& actor,
                                              std::vector<FieldProblem> earlier) {
  auto header = Editable(innovation_id, actor, false);
  if (!header.ok()) return header.error();
  item.innovatie_id = innovation_id;
  item.titel = Trim(item.titel);
  auto problems = std::move(earlier);
  MergeProblems(&problems, Validate(item));
  if (!problems.empty()) return Rejected(std::move(problems), "De onbekende of het risico");
  return reg_.store().SaveUncertainty(item, reg_.Change(actor, ""));
}

Status Steering::DeleteUncertainty(int64_t innovation_id, int64_t id, const Actor& actor) {
  auto header = Editable(innovation_id, actor, false);
  if (!header.ok()) return header.error();
  return reg_.store().DeleteUncertainty(innovation_id, id, reg_.Change(actor, ""));
}

Result<BusinessCase> Steering::GetBusinessCase(int64_t innovation_id, const Actor& actor) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.error();
  return reg_.store().GetBusinessCase(innovation_id);
}

Result<BusinessCase> Steering::SaveBusinessCase(int64_t innovation_id, BusinessCase bc, int64_t expected_version,
                                                const Actor& actor, std::vector<FieldProblem> earlier) {
  auto header = Editable(innovation_id, actor, false);
  if (!header.ok()) return header.error();
  bc.innovatie_id = innovation_id;
  auto problems = std::move(earlier);
  MergeProblems(&problems, Validate(bc));
  if (!problems.empty()) return Rejected(std::move(problems), "De businesscase");
  return reg_.store().SaveBusinessCase(bc, expected_version, reg_.Change(actor, ""));
}

Result<std::vector<Pitch>> Steering::Pitches(int64_t innovation_id, const Actor& actor) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.error();
  return reg_.store().ListPitches(innovation_id);
}

Result<Pitch> Steering::AddPitch(int64_t innovation_id, Pitch pitch, const Actor& actor,
                                 std::vector<FieldProblem> earlier) {
  auto header = Editable(innovation_id, actor, false);
  if (!header.ok()) return header.error();
  pitch.innovatie_id = innovation_id;
  auto problems = std::move(earlier);
  MergeProblems(&problems, Validate(pitch));
  if (!problems.empty()) return Rejected(std::move(problems), "De pitch");
  return reg_.store().AddPitch(pitch, reg_.Change(actor, ""));
}

Result<SteeringFacts> Steering::Facts(int64_t innovation_id, const Actor& actor) {
  auto in = reg_.Get(innovation_id, actor);
  if (!in.ok()) return in.error();
  auto reviews = reg_.store().ListReviews(innovation_id);
  if (!reviews.ok()) return reviews.error();
  std::vector<Review> recorded;
  for (auto& r : reviews.value())
    if (r.status == "vastgesteld") recorded.push_back(r);
  TimePoint now = reg_.clock().Now();
  SteeringFacts f;
  f.tijd_per_fase = TimeInPhases(in.value().fase_historie, now);
  f.doorlooptijd = LeadTimeOf(in.value(), now);
  f.volgende_beoordeling = NextReview(recorded);
  f.achterstallig = !f.volgende_beoordeling.empty() && f.volgende_beoordeling < Today(reg_.clock()) &&
                    in.value().status == "actief";
  return f;
}

Result<std::vector<MaturityEntry>> Steering::Maturity(const std::string& org, const Actor& actor) {
  if (actor.Anonymous()) return Error{ErrorKind::kUnauthenticated, "Log in om de volwassenheid te zien.", {}};
  auto o = reg_.store().GetOrganisation(org);
  if (!o.ok()) return o.error();
  if (!actor.Everything() && !actor.HasAnyRole(org))
    return Forbidden("Alleen wie een rol heeft in " + org + " ziet haar volwassenheid.");
  return reg_.store().ListMaturity(org);
}

Result<MaturityEntry> Steering::AddMaturity(const std::string& org, MaturityEntry entry, const Actor& actor,
                                            std::vector<FieldProblem> earlier) {
  if (actor.Anonymous()) return Error{ErrorKind::kUnauthenticated, "Log in om de volwassenheid vast te leggen.", {}};
  auto o = reg_.store().GetOrganisation(org);
  if (!o.ok()) return o.error();
  if (!actor.Everything() && !actor.HasRole(org, rol::kBeheerder) && !actor.HasRole(org, rol::kStuurgroep))
    return Forbidden("Alleen de beheerder of de stuurgroep van " + org + " legt de volwassenheid vast.");
  entry.organisatie = org;
  auto problems = std::move(earlier);
  MergeProblems(&problems, Validate(entry));
  if (!problems.empty()) return Rejected(std::move(problems), "De volwassenheid");
  return reg_.store().AddMaturity(entry, reg_.Change(actor, ""));
}

Result<OrganisationSteering> Steering::ForOrganisation(const std::string& org, const Actor& actor) {
  auto o = reg_.store().GetOrganisation(org);
  if (!o.ok()) return o.error();
  auto rows = reg_.store().ListSteering(org, ScopeOf(actor));
  if (!rows.ok()) return rows.error();
  TimePoint now = reg_.clock().Now();
  std::string today = FormatDate(now);
  std::string quarter_ago = FormatTimestamp(now - std::chrono::hours(24 * 91));
  OrganisationSteering out;
  std::vector<Innovation> innovations;
  for (const auto& row : rows.value()) {
    const Innovation& in = row.innovatie;
    innovations.push_back(in);
    FunnelCard card;
    card.id = in.id;
    card.titel = in.titel;
    card.fase = in.fase;
    card.status = in.status;
    // Time in phase on a card: since the start of the current stay.
    TimePoint entered;
    for (auto it = in.fase_historie.rbegin(); it != in.fase_historie.rend(); ++it) {
      if (it->fase != in.fase) break;
      if (ParseTimestamp(it->op, &entered))
        card.dagen_in_fase = std::chrono::duration<double>(now - entered).count() / 86400.0;
    }
    card.volgende_beoordeling = NextReview(row.besluiten);
    card.achterstallig = !card.volgende_beoordeling.empty() && card.volgende_beoordeling < today && in.status == "actief";
    if (!row.besluiten.empty()) card.laatste_besluit = row.besluiten.back().besluit;
    if (card.achterstallig) out.achterstallig.push_back(card);
    for (const auto& r : row.besluiten)
      if (r.vastgesteld_op >= quarter_ago) out.besluiten_kwartaal.push_back({r, in.titel});
    out.kaarten.push_back(std::move(card));
  }
  out.overzicht = Overview(innovations, now);
  std::sort(out.besluiten_kwartaal.begin(), out.besluiten_kwartaal.end(),
            [](const auto& a, const auto& b) { return a.first.vastgesteld_op > b.first.vastgesteld_op; });
  return out;
}

}  // namespace koers
