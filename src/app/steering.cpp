#include "app/steering.hpp"

#include <nlohmann/json.hpp>

#include "app/not_found.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "domain/checks.hpp"
#include "domain/steering_json.hpp"

namespace koers {
namespace {

std::string Today(const Clock& clock) { return FormatDate(clock.Now()); }

using nlohmann::json;

Error WordedReview(Error e) {
  if (e.message.empty()) {
    if (e.kind == ErrorKind::kNotFound) return NotFoundError(Missing::kReview);
    if (e.kind == ErrorKind::kConflict)
      e.message = "Deze beoordeling is vastgesteld en kan niet meer veranderen. Leg een correctie vast in een nieuwe beoordeling.";
    if (e.kind == ErrorKind::kPreconditionFailed) e.message = "De beoordeling is intussen gewijzigd. Laad haar opnieuw.";
  }
  return e;
}

// The planned date of the next review: from the latest decision.
std::string NextReview(const std::vector<Review>& recorded) {
  return recorded.empty() ? "" : recorded.back().volgende_beoordeling;
}

std::vector<std::string> DecisionDates(const std::vector<Review>& recorded) {
  std::vector<std::string> out;
  for (const auto& r : recorded) out.push_back(r.vastgesteld_op);
  return out;
}

}  // namespace

void Steering::ResolveDeciders(Review* r, const std::string& org, bool deciding, std::vector<FieldProblem>* problems) {
  for (size_t i = 0; i < r->besluitvormers.size(); ++i) {
    std::string& item = r->besluitvormers[i];
    item = Trim(item);
    if (item.find('@') == std::string::npos) continue;  // a person without an account, by name
    std::string field = "besluitvormers[" + std::to_string(i) + "]";
    auto user = store_.Read([&](Work& w) { return w.accounts().FindUserByEmail(AsciiLower(item)); });
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

Result<std::vector<Steering::SteeringRow>> Steering::Rows(const std::string& org, const Actor& actor) {
  return store_.Read([&](Work& w) -> Result<std::vector<SteeringRow>> {
    InnovationFilter filter;
    filter.viewer = ScopeOf(actor);
    filter.organisatie = org;
    std::vector<int64_t> ids;
    Status st = w.innovations().Each(filter, [&](const Innovation& in) {
      ids.push_back(in.id);
      return true;
    });
    if (!st.ok()) return st.error();
    // Batch reads: children and reviews of all the organisation's
    // innovations in a few queries, not a few per innovation.
    auto innovations = w.innovations().GetMany(ids);
    if (!innovations.ok()) return innovations.error();
    auto reviews = w.steering().ListReviewsOf(ids);
    if (!reviews.ok()) return reviews.error();
    auto cadences = w.learning().CadencesOf(ids);
    if (!cadences.ok()) return cadences.error();
    auto looking_back = w.learning().ActionReviewsOf(ids);
    if (!looking_back.ok()) return looking_back.error();
    std::vector<SteeringRow> rows;
    for (auto& in : innovations.value()) {
      const int64_t id = in.id;
      SteeringRow row{std::move(in), {}, {}, {}, std::move(looking_back.value()[id])};
      if (auto c = cadences.value().find(row.innovatie.id); c != cadences.value().end()) row.ritme = c->second;
      for (auto& r : reviews.value()[row.innovatie.id])
        (r.status == "vastgesteld" ? row.besluiten : row.concepten).push_back(std::move(r));
      std::stable_sort(row.besluiten.begin(), row.besluiten.end(),
                       [](const Review& a, const Review& b) { return a.vastgesteld_op < b.vastgesteld_op; });
      rows.push_back(std::move(row));
    }
    return rows;
  });
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
  return store_.Read([&](Work& w) { return w.steering().ListReviews(innovation_id); });
}

Result<Review> Steering::GetReview(int64_t innovation_id, int64_t review_id, const Actor& actor) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.error();
  auto r = store_.Read([&](Work& w) { return w.steering().GetReview(innovation_id, review_id); });
  if (!r.ok()) return WordedReview(r.error());
  return r;
}

Result<Review> Steering::CreateReview(int64_t innovation_id, Review draft, const Actor& actor,
                                      std::vector<FieldProblem> earlier) {
  auto header = Editable(innovation_id, actor, true);
  if (!header.ok()) return header.error();
  draft.innovatie_id = innovation_id;
  if (draft.fase.empty()) {
    auto in = reg_.Get(innovation_id, actor);
    if (!in.ok()) return in.error();
    draft.fase = in.value().fase;
  }
  auto problems = std::move(earlier);
  ResolveDeciders(&draft, header.value().facts.organisatie, false, &problems);
  MergeProblems(&problems, Validate(draft, false));
  if (!problems.empty()) return Rejected(std::move(problems), "De beoordeling");
  ChangeContext change = reg_.Change(actor);
  const std::string org = header.value().facts.organisatie;
  auto stored = store_.Write([&](Work& w) -> Result<Review> {
    auto r = w.steering().CreateReview(draft, change.door, change.op);
    if (!r.ok()) return r;
    Status st = w.audit().Append(PartAudit(change, "aangemaakt", "beoordeling", std::to_string(r.value().id), org,
                                           innovation_id, json::object(), ToJson(r.value())));
    if (!st.ok()) return st.error();
    return r;
  });
  if (!stored.ok()) return WordedReview(stored.error());
  return stored;
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
  ChangeContext change = reg_.Change(actor);
  const std::string org = header.value().facts.organisatie;
  auto stored = store_.Write([&](Work& w) -> Result<Review> {
    auto before = w.steering().GetReview(innovation_id, review_id);
    if (!before.ok()) return before;
    auto after = w.steering().UpdateReview(draft, expected_version);
    if (!after.ok()) return after;
    Status st = w.audit().Append(PartAudit(change, "gewijzigd", "beoordeling", std::to_string(review_id), org,
                                           innovation_id, ToJson(before.value()), ToJson(after.value())));
    if (!st.ok()) return st.error();
    return after;
  });
  if (!stored.ok()) return WordedReview(stored.error());
  return stored;
}

Status Steering::DeleteReview(int64_t innovation_id, int64_t review_id, const Actor& actor) {
  auto header = Editable(innovation_id, actor, true);
  if (!header.ok()) return header.error();
  ChangeContext change = reg_.Change(actor);
  const std::string org = header.value().facts.organisatie;
  Status st = store_.Write([&](Work& w) -> Status {
    auto before = w.steering().GetReview(innovation_id, review_id);
    if (!before.ok()) return before.status();
    if (before.value().status != "concept") return Conflict("Een vastgestelde beoordeling blijft bewaard.");
    Status st = w.steering().DeleteReview(innovation_id, review_id);
    if (!st.ok()) return st;
    return w.audit().Append(PartAudit(change, "verwijderd", "beoordeling", std::to_string(review_id), org, innovation_id,
                                      ToJson(before.value()), json::object()));
  });
  if (!st.ok()) return WordedReview(st.error());
  return Status::Ok();
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
  static const std::map<std::string, std::string> kLabels = {
      {"go", "GO"}, {"go_back", "GO BACK"}, {"hold", "HOLD"}, {"no_go", "NO GO"}};
  ChangeContext change =
      reg_.Change(actor, "besluit " + kLabels.at(final.besluit) + ": " + final.motivering.substr(0, 200));
  // The review, the innovation's new phase and its history, and the audit
  // entry: one unit of work.
  auto recorded = store_.Write([&](Work& w) -> Result<Review> {
    auto before = w.steering().GetReview(innovation_id, review_id);
    if (!before.ok()) return before;
    if (before.value().status != "concept") return Conflict("Over deze beoordeling is al besloten.");
    auto in = w.innovations().Get(innovation_id);
    if (!in.ok()) return in.error();
    if (in.value().fase != final.fase)
      return Conflict("De innovatie is intussen in de fase '" + in.value().fase +
                      "'; deze beoordeling gaat over de fase '" + final.fase + "'.");
    std::string fase = in.value().fase, status = in.value().status;
    ApplyDecision(final, &fase, &status);
    auto after = w.steering().RecordReview(final, change.door, change.op);
    if (!after.ok()) return after;
    auto version = w.innovations().SetPhase(innovation_id, fase, status, change.op);
    if (!version.ok()) return version.error();
    if (fase != in.value().fase || status != in.value().status) {
      Status st = w.innovations().AddPhaseChange(innovation_id, {fase, status, change.Stamp(), change.door, change.reden});
      if (!st.ok()) return st.error();
    }
    json b = ToJson(before.value()), a = ToJson(after.value());
    b["innovatieFase"] = {{"fase", in.value().fase}, {"status", in.value().status}};
    a["innovatieFase"] = {{"fase", fase}, {"status", status}};
    Status st = w.audit().Append(PartAudit(change, "besluit vastgesteld", "beoordeling", std::to_string(review_id),
                                           facts.organisatie, innovation_id, b, a));
    if (!st.ok()) return st.error();
    return after;
  });
  if (!recorded.ok()) return WordedReview(recorded.error());
  reg_.Absorb();
  return recorded;
}

Result<std::vector<Uncertainty>> Steering::Uncertainties(int64_t innovation_id, const Actor& actor) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.error();
  return store_.Read([&](Work& w) { return w.steering().ListUncertainties(innovation_id); });
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
  ChangeContext change = reg_.Change(actor);
  const std::string org = header.value().facts.organisatie;
  auto saved = store_.Write([&](Work& w) -> Result<Uncertainty> {
    json before = json::object();
    if (item.id != 0) {
      auto old = w.steering().GetUncertainty(innovation_id, item.id);
      if (!old.ok()) return old;
      before = ToJson(old.value());
    }
    auto stored = w.steering().SaveUncertainty(item, change.op);
    if (!stored.ok()) return stored;
    Status st = w.audit().Append(PartAudit(change, item.id == 0 ? "aangemaakt" : "gewijzigd", "onzekerheid",
                                           std::to_string(stored.value().id), org, innovation_id, before,
                                           ToJson(stored.value())));
    if (!st.ok()) return st.error();
    return stored;
  });
  if (!saved.ok() && saved.error().kind == ErrorKind::kNotFound) return NotFoundError(Missing::kUncertainty);
  return saved;
}

Status Steering::DeleteUncertainty(int64_t innovation_id, int64_t id, const Actor& actor) {
  auto header = Editable(innovation_id, actor, false);
  if (!header.ok()) return header.error();
  ChangeContext change = reg_.Change(actor);
  const std::string org = header.value().facts.organisatie;
  Status st = store_.Write([&](Work& w) -> Status {
    auto old = w.steering().GetUncertainty(innovation_id, id);
    if (!old.ok()) return old.status();
    Status st = w.steering().DeleteUncertainty(innovation_id, id);
    if (!st.ok()) return st;
    return w.audit().Append(PartAudit(change, "verwijderd", "onzekerheid", std::to_string(id), org, innovation_id,
                                      ToJson(old.value()), json::object()));
  });
  if (!st.ok() && st.error().kind == ErrorKind::kNotFound) return NotFoundError(Missing::kUncertainty);
  return st;
}

Result<BusinessCase> Steering::GetBusinessCase(int64_t innovation_id, const Actor& actor) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.error();
  return store_.Read([&](Work& w) { return w.steering().GetBusinessCase(innovation_id); });
}

Result<BusinessCase> Steering::SaveBusinessCase(int64_t innovation_id, BusinessCase bc, int64_t expected_version,
                                                const Actor& actor, std::vector<FieldProblem> earlier) {
  auto header = Editable(innovation_id, actor, false);
  if (!header.ok()) return header.error();
  bc.innovatie_id = innovation_id;
  auto problems = std::move(earlier);
  MergeProblems(&problems, Validate(bc));
  if (!problems.empty()) return Rejected(std::move(problems), "De businesscase");
  ChangeContext change = reg_.Change(actor);
  const std::string org = header.value().facts.organisatie;
  // The earlier version is read in the same unit of work, so the check
  // against expected_version and the audit entry agree with what is saved.
  auto saved = store_.Write([&](Work& w) -> Result<BusinessCase> {
    auto before = w.steering().GetBusinessCase(innovation_id);
    if (!before.ok()) return before;
    if (expected_version > 0 && before.value().versie != expected_version)
      return Error{ErrorKind::kPreconditionFailed, "De businesscase is intussen gewijzigd. Laad haar opnieuw.", {}};
    auto after = w.steering().SaveBusinessCase(bc, before.value().versie, change.door, change.op);
    if (!after.ok()) return after;
    json old = ToJson(before.value()), now = ToJson(after.value());
    for (const char* managed : {"versie", "gewijzigdOp", "gewijzigdDoor"}) {
      old.erase(managed);
      now.erase(managed);
    }
    Status st = w.audit().Append(PartAudit(change, "gewijzigd", "businesscase", std::to_string(innovation_id), org,
                                           innovation_id, old, now));
    if (!st.ok()) return st.error();
    return after;
  });
  if (!saved.ok() && saved.error().kind == ErrorKind::kPreconditionFailed && saved.error().message.empty())
    return Error{ErrorKind::kPreconditionFailed, "De businesscase is intussen gewijzigd. Laad haar opnieuw.", {}};
  return saved;
}

Result<std::vector<Pitch>> Steering::Pitches(int64_t innovation_id, const Actor& actor) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.error();
  return store_.Read([&](Work& w) { return w.steering().ListPitches(innovation_id); });
}

Result<Pitch> Steering::AddPitch(int64_t innovation_id, Pitch pitch, const Actor& actor,
                                 std::vector<FieldProblem> earlier) {
  auto header = Editable(innovation_id, actor, false);
  if (!header.ok()) return header.error();
  pitch.innovatie_id = innovation_id;
  auto problems = std::move(earlier);
  MergeProblems(&problems, Validate(pitch));
  if (!problems.empty()) return Rejected(std::move(problems), "De pitch");
  ChangeContext change = reg_.Change(actor);
  const std::string org = header.value().facts.organisatie;
  return store_.Write([&](Work& w) -> Result<Pitch> {
    auto previous = w.steering().ListPitches(innovation_id);
    if (!previous.ok()) return previous.error();
    auto stored = w.steering().AddPitch(pitch, change.door, change.op);
    if (!stored.ok()) return stored;
    json old = previous.value().empty() ? json::object() : ToJson(previous.value().front());
    Status st = w.audit().Append(PartAudit(change, "nieuwe versie", "pitch", std::to_string(innovation_id), org,
                                           innovation_id, old, ToJson(stored.value())));
    if (!st.ok()) return st.error();
    return stored;
  });
}

Result<SteeringFacts> Steering::Facts(int64_t innovation_id, const Actor& actor) {
  auto in = reg_.Get(innovation_id, actor);
  if (!in.ok()) return in.error();
  ReviewCadence cadence;
  std::vector<ActionReview> looking_back;
  auto reviews = store_.Read([&](Work& w) -> Result<std::vector<Review>> {
    auto c = w.learning().GetCadence(innovation_id);
    if (!c.ok()) return c.error();
    auto a = w.learning().ActionReviews(innovation_id);
    if (!a.ok()) return a.error();
    cadence = std::move(c).value();
    looking_back = std::move(a).value();
    return w.steering().ListReviews(innovation_id);
  });
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
  f.besluitdata = DecisionDates(recorded);
  f.terugblik = NextReview(cadence, looking_back, f.besluitdata, Today(reg_.clock()));
  return f;
}

Result<std::vector<MaturityEntry>> Steering::Maturity(const std::string& org, const Actor& actor) {
  if (actor.Anonymous()) return Error{ErrorKind::kUnauthenticated, "Log in om de volwassenheid te zien.", {}};
  auto o = reg_.GetOrganisation(org);
  if (!o.ok()) return o.error();
  if (!actor.Everything() && !actor.HasAnyRole(org))
    return Forbidden("Alleen wie een rol heeft in " + org + " ziet haar volwassenheid.");
  return store_.Read([&](Work& w) { return w.steering().ListMaturity(org); });
}

Result<MaturityEntry> Steering::AddMaturity(const std::string& org, MaturityEntry entry, const Actor& actor,
                                            std::vector<FieldProblem> earlier) {
  if (actor.Anonymous()) return Error{ErrorKind::kUnauthenticated, "Log in om de volwassenheid vast te leggen.", {}};
  auto o = reg_.GetOrganisation(org);
  if (!o.ok()) return o.error();
  if (!actor.Everything() && !actor.HasRole(org, rol::kBeheerder) && !actor.HasRole(org, rol::kStuurgroep))
    return Forbidden("Alleen de beheerder of de stuurgroep van " + org + " legt de volwassenheid vast.");
  entry.organisatie = org;
  auto problems = std::move(earlier);
  MergeProblems(&problems, Validate(entry));
  if (!problems.empty()) return Rejected(std::move(problems), "De volwassenheid");
  ChangeContext change = reg_.Change(actor);
  return store_.Write([&](Work& w) -> Result<MaturityEntry> {
    auto stored = w.steering().AddMaturity(entry, change.door, change.op);
    if (!stored.ok()) return stored;
    Status st = w.audit().Append(AuditFor(change, "vastgelegd", "volwassenheid", std::to_string(stored.value().id), org,
                                          JsonChanges(json::object(), ToJson(stored.value()))));
    if (!st.ok()) return st.error();
    return stored;
  });
}

Result<OrganisationSteering> Steering::ForOrganisation(const std::string& org, const Actor& actor) {
  auto o = reg_.GetOrganisation(org);
  if (!o.ok()) return o.error();
  auto rows = Rows(org, actor);
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
    if (!row.concepten.empty()) card.ter_besluit = row.concepten.back();
    // Stopped or finished work is not looked back on by the cadence.
    if (in.status == "actief" || in.status == "gepauzeerd")
      card.terugblik = NextReview(row.ritme, row.terugblikken, DecisionDates(row.besluiten), today);
    if (card.achterstallig) out.achterstallig.push_back(card);
    if (card.terugblik.te_laat) out.terugblik_te_laat.push_back(card);
    if (card.ter_besluit) out.ter_besluit.push_back(card);
    for (const auto& r : row.besluiten)
      if (r.vastgesteld_op >= quarter_ago) out.besluiten_kwartaal.push_back({r, in.titel});
    out.kaarten.push_back(std::move(card));
  }
  out.overzicht = Overview(innovations, now);
  std::sort(out.ter_besluit.begin(), out.ter_besluit.end(), [](const FunnelCard& a, const FunnelCard& b) {
    const std::string& x = a.volgende_beoordeling;
    const std::string& y = b.volgende_beoordeling;
    if (x.empty() != y.empty()) return y.empty();
    if (x != y) return x < y;
    return a.ter_besluit->opgesteld_op < b.ter_besluit->opgesteld_op;
  });
  std::sort(out.besluiten_kwartaal.begin(), out.besluiten_kwartaal.end(),
            [](const auto& a, const auto& b) { return a.first.vastgesteld_op > b.first.vastgesteld_op; });
  return out;
}

}  // namespace koers
