#include "app/learning.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "app/not_found.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "domain/checks.hpp"
#include "domain/learning_json.hpp"
#include "domain/steering.hpp"

namespace koers {
namespace {

using nlohmann::json;

Error WordedLesson(Error e) {
  if (e.kind == ErrorKind::kNotFound) return NotFoundError(Missing::kLesson);
  if (e.kind == ErrorKind::kPreconditionFailed && e.message.empty())
    e.message = "De les is intussen gewijzigd. Laad haar opnieuw.";
  return e;
}

Error WordedReview(Error e) {
  if (e.kind == ErrorKind::kNotFound) return NotFoundError(Missing::kActionReview);
  if (e.kind == ErrorKind::kPreconditionFailed && e.message.empty())
    e.message = "De terugblik of het ritme is intussen gewijzigd. Laad de pagina opnieuw.";
  return e;
}

// What the audit trail keeps of an invitation: not the friend's address.
json AuditOf(const Invitation& i) {
  json j = ToJson(i);
  j.erase("email");
  return j;
}

Error NotYours() { return Forbidden("Alleen het team van de innovatie wijzigt deze les."); }

void Normalise(Lesson* l) {
  l->tekst = Trim(l->tekst);
  for (auto& t : l->tags) t = Trim(t);
  std::erase_if(l->tags, [](const std::string& t) { return t.empty(); });
}

}  // namespace

std::vector<FieldProblem> Learning::Check(const Lesson& l) const {
  std::vector<FieldProblem> out = Validate(l);
  if (!l.cluster.empty() && !k_.LessonCluster(l.cluster)) {
    std::string ids;
    for (const auto& c : k_.lesclusters) ids += (ids.empty() ? "" : ", ") + c.id;
    MergeProblems(&out, {{"cluster", "kies uit: " + ids}});
  }
  for (size_t i = 0; i < l.succesfactoren.size(); ++i)
    if (!k_.Factor(l.succesfactoren[i]))
      MergeProblems(&out, {{"succesfactoren[" + std::to_string(i) + "]", "is geen succesfactor uit de kennisbank"}});
  return out;
}

Result<InnovationHeader> Learning::Editable(int64_t innovation_id, const Actor& actor) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header;
  if (actor.Anonymous()) return Error{ErrorKind::kUnauthenticated, "Log in om lessen en terugblikken vast te leggen.", {}};
  if (!CanEdit(actor, header.value().facts)) {
    log::Warn("toegang_geweigerd", {{"gebruiker", actor.gebruiker_id}, {"innovatie", innovation_id}, {"actie", "leren"}});
    return Forbidden("Alleen het team (lid of projectleider) van " + header.value().facts.organisatie +
                     " legt lessen en terugblikken van deze innovatie vast.");
  }
  return header;
}

Result<std::vector<LessonView>> Learning::Views(std::vector<Lesson> lessons, const Actor& actor) {
  std::vector<int64_t> ids;
  for (const auto& l : lessons) ids.push_back(l.innovatie_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::unordered_map<int64_t, Innovation> innovations;
  std::unordered_map<std::string, std::string> names;
  Status read = store_.Read([&](Work& w) -> Status {
    auto found = w.innovations().GetMany(ids);
    if (!found.ok()) return found.status();
    for (auto& in : found.value()) {
      if (!names.count(in.organisatie)) {
        auto org = w.organisations().Get(in.organisatie);
        names[in.organisatie] = org.ok() ? org.value().naam : in.organisatie;
      }
      innovations.emplace(in.id, std::move(in));
    }
    return Status::Ok();
  });
  if (!read.ok()) return read.error();
  std::vector<LessonView> out;
  for (auto& l : lessons) {
    auto in = innovations.find(l.innovatie_id);
    if (in == innovations.end()) continue;
    const AccessFacts facts = FactsOf(in->second);
    if (!CanReadLesson(actor, facts, l)) continue;
    LessonView v;
    v.organisatie = in->second.organisatie;
    v.organisatie_naam = names[v.organisatie];
    if (CanRead(actor, facts)) v.innovatie_titel = in->second.titel;
    v.wijzigbaar = CanEdit(actor, facts);
    v.les = std::move(l);
    out.push_back(std::move(v));
  }
  return out;
}

Result<std::vector<LessonView>> Learning::ViewsOfHits(const std::vector<LessonHit>& hits, const Actor& actor) {
  std::vector<int64_t> ids;
  for (const auto& h : hits) ids.push_back(h.id);
  auto lessons = store_.Read([&](Work& w) { return w.learning().GetLessons(ids); });
  if (!lessons.ok()) return lessons.error();
  // The index found them; the store's lesson and its access rules decide.
  auto views = Views(std::move(lessons).value(), actor);
  if (!views.ok()) return views.error();
  std::unordered_map<int64_t, const LessonHit*> by_id;
  for (const auto& h : hits) by_id[h.id] = &h;
  for (auto& v : views.value()) {
    v.redenen = by_id[v.les.id]->waarom;
    v.fragment = by_id[v.les.id]->fragment;
  }
  return views;
}

Result<std::vector<LessonView>> Learning::Lessons(int64_t innovation_id, const Actor& actor) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.error();
  auto lessons = store_.Read([&](Work& w) { return w.learning().Lessons(innovation_id); });
  if (!lessons.ok()) return lessons.error();
  return Views(std::move(lessons).value(), actor);
}

Result<LessonView> Learning::GetLesson(int64_t lesson_id, const Actor& actor) {
  auto found = store_.Read([&](Work& w) { return w.learning().GetLessons({lesson_id}); });
  if (!found.ok()) return found.error();
  auto views = Views(std::move(found).value(), actor);
  if (!views.ok()) return views.error();
  if (views.value().empty()) return NotFoundError(Missing::kLesson);
  return std::move(views.value().front());
}

Result<LessonView> Learning::CreateLesson(int64_t innovation_id, Lesson lesson, const Actor& actor,
                                          std::vector<FieldProblem> earlier) {
  auto header = Editable(innovation_id, actor);
  if (!header.ok()) return header.error();
  lesson.id = 0;
  lesson.innovatie_id = innovation_id;
  lesson.auteur = actor.weergavenaam;
  lesson.auteur_id = actor.gebruiker_id;
  if (lesson.datum.empty()) lesson.datum = FormatDate(reg_.clock().Now());
  Normalise(&lesson);
  auto problems = std::move(earlier);
  MergeProblems(&problems, Check(lesson));
  if (!problems.empty()) return Rejected(std::move(problems), lesson.vorm == "logboek" ? "De notitie" : "De les");
  if (lesson.terugblik_id) {
    auto aar = store_.Read([&](Work& w) { return w.learning().GetActionReview(innovation_id, lesson.terugblik_id); });
    if (!aar.ok())
      return Rejected({{"terugblikId", "is geen terugblik van deze innovatie"}}, "De les");
  }
  ChangeContext change = reg_.Change(actor);
  const std::string org = header.value().facts.organisatie;
  auto saved = store_.Write([&](Work& w) -> Result<Lesson> {
    auto stored = w.learning().SaveLesson(lesson, 0, change.op);
    if (!stored.ok()) return stored;
    Status st = w.audit().Append(PartAudit(change, "aangemaakt", "les", std::to_string(stored.value().id), org,
                                           innovation_id, json::object(), ToJson(stored.value())));
    if (!st.ok()) return st.error();
    return stored;
  });
  if (!saved.ok()) return WordedLesson(saved.error());
  reg_.Absorb();
  return GetLesson(saved.value().id, actor);
}

Result<LessonView> Learning::UpdateLesson(int64_t lesson_id, Lesson lesson, int64_t expected_version,
                                          const Actor& actor, std::vector<FieldProblem> earlier) {
  auto current = GetLesson(lesson_id, actor);
  if (!current.ok()) return current.error();
  const Lesson& old = current.value().les;
  auto header = Editable(old.innovatie_id, actor);
  // The lesson is readable, so its existence is no secret: a team it is not
  // shared with may not change it.
  if (!header.ok()) return header.error().kind == ErrorKind::kNotFound ? NotYours() : header.error();
  lesson.id = lesson_id;
  lesson.innovatie_id = old.innovatie_id;
  lesson.auteur = old.auteur;
  lesson.auteur_id = old.auteur_id;
  Normalise(&lesson);
  auto problems = std::move(earlier);
  MergeProblems(&problems, Check(lesson));
  if (!problems.empty()) return Rejected(std::move(problems), lesson.vorm == "logboek" ? "De notitie" : "De les");
  ChangeContext change = reg_.Change(actor);
  const std::string org = header.value().facts.organisatie;
  auto saved = store_.Write([&](Work& w) -> Result<Lesson> {
    auto before = w.learning().GetLesson(old.innovatie_id, lesson_id);
    if (!before.ok()) return before;
    auto stored = w.learning().SaveLesson(lesson, expected_version, change.op);
    if (!stored.ok()) return stored;
    Status st = w.audit().Append(PartAudit(change, "gewijzigd", "les", std::to_string(lesson_id), org,
                                           old.innovatie_id, ToJson(before.value()), ToJson(stored.value())));
    if (!st.ok()) return st.error();
    return stored;
  });
  if (!saved.ok()) return WordedLesson(saved.error());
  reg_.Absorb();
  return GetLesson(lesson_id, actor);
}

Status Learning::DeleteLesson(int64_t lesson_id, const Actor& actor) {
  auto current = GetLesson(lesson_id, actor);
  if (!current.ok()) return current.error();
  const int64_t innovation_id = current.value().les.innovatie_id;
  auto header = Editable(innovation_id, actor);
  // The lesson is readable, so its existence is no secret: a team it is not
  // shared with may not change it.
  if (!header.ok()) return header.error().kind == ErrorKind::kNotFound ? NotYours() : header.error();
  ChangeContext change = reg_.Change(actor);
  const std::string org = header.value().facts.organisatie;
  Status st = store_.Write([&](Work& w) -> Status {
    auto before = w.learning().GetLesson(innovation_id, lesson_id);
    if (!before.ok()) return before.status();
    Status st = w.learning().DeleteLesson(innovation_id, lesson_id);
    if (!st.ok()) return st;
    return w.audit().Append(PartAudit(change, "verwijderd", "les", std::to_string(lesson_id), org, innovation_id,
                                      ToJson(before.value()), json::object()));
  });
  if (!st.ok()) return WordedLesson(st.error());
  reg_.Absorb();
  return Status::Ok();
}

Result<LessonPage> Learning::Search(const LessonSearch& search, const Actor& actor) {
  LessonQuery q;
  q.text = search.text;
  q.filters = search.filters;
  q.offset = search.offset;
  q.limit = search.limit;
  q.viewer = SearchViewerOf(actor);
  auto found = reg_.search().SearchLessons(q);
  if (!found.ok()) return found.error();
  auto views = ViewsOfHits(found.value().hits, actor);
  if (!views.ok()) return views.error();
  return LessonPage{std::move(views).value(), found.value().totaal, std::move(found.value().facetten)};
}

Result<std::vector<LessonView>> Learning::ForGate(int64_t innovation_id, const Actor& actor, int limit) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.error();
  auto found = reg_.search().LessonsFor(innovation_id, SearchViewerOf(actor), limit);
  if (!found.ok()) {
    if (found.error().kind == ErrorKind::kNotFound) return std::vector<LessonView>{};
    return found.error();
  }
  return ViewsOfHits(found.value(), actor);
}

Result<std::vector<ClusterPattern>> Learning::ClusterPatterns(const std::string& org, const Actor& actor, int minimum) {
  // Per readable innovation with readable lessons: their clusters, and
  // whether it reached implementation. In batches, by id.
  std::vector<std::pair<std::set<std::string>, bool>> rows;
  constexpr int kBatch = 1000;
  for (int64_t after = 0;;) {
    std::vector<int64_t> ids;
    Status read = store_.Read([&](Work& w) -> Status {
      auto batch = w.learning().InnovationsWithLessons(after, kBatch);
      if (!batch.ok()) return batch.status();
      ids = std::move(batch).value();
      if (ids.empty()) return Status::Ok();
      auto innovations = w.innovations().GetMany(ids);
      if (!innovations.ok()) return innovations.status();
      auto lessons = w.learning().LessonsOf(ids);
      if (!lessons.ok()) return lessons.status();
      for (const auto& in : innovations.value()) {
        if (!org.empty() && in.organisatie != org) continue;
        const AccessFacts facts = FactsOf(in);
        if (!CanRead(actor, facts)) continue;
        auto own = lessons.value().find(in.id);
        if (own == lessons.value().end()) continue;
        std::set<std::string> clusters;
        for (const auto& l : own->second)
          if (l.vorm == "les" && !l.cluster.empty() && CanReadLesson(actor, facts, l)) clusters.insert(l.cluster);
        if (!clusters.empty()) rows.emplace_back(std::move(clusters), ReachedImplementation(in));
      }
      return Status::Ok();
    });
    if (!read.ok()) return read.error();
    if (ids.empty()) break;
    after = ids.back();
    if (static_cast<int>(ids.size()) < kBatch) break;
  }
  std::vector<ClusterPattern> out;
  for (const auto& c : k_.lesclusters) {
    ClusterPattern p;
    p.cluster = &c;
    for (const auto& [clusters, reached] : rows) {
      if (clusters.count(c.id)) {
        ++p.met_n;
        p.met_bereikt += reached;
      } else {
        ++p.zonder_n;
        p.zonder_bereikt += reached;
      }
    }
    p.genoeg = p.met_n >= minimum && p.zonder_n >= minimum;
    out.push_back(p);
  }
  return out;
}

Result<ActionReviewOverview> Learning::ActionReviews(int64_t innovation_id, const Actor& actor) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.error();
  ActionReviewOverview out;
  std::vector<Lesson> lessons;
  std::vector<Review> gates;
  Status read = store_.Read([&](Work& w) -> Status {
    auto a = w.learning().ActionReviews(innovation_id);
    auto c = w.learning().GetCadence(innovation_id);
    auto l = w.learning().Lessons(innovation_id);
    auto g = w.steering().ListReviews(innovation_id);
    for (const Status& st : {a.status(), c.status(), l.status(), g.status()})
      if (!st.ok()) return st;
    for (auto& r : a.value()) out.terugblikken.push_back({std::move(r), {}});
    out.ritme = std::move(c).value();
    lessons = std::move(l).value();
    gates = std::move(g).value();
    return Status::Ok();
  });
  if (!read.ok()) return read.error();
  std::vector<std::string> decisions;
  for (const auto& g : gates)
    if (g.status == "vastgesteld") decisions.push_back(g.vastgesteld_op);
  std::sort(decisions.begin(), decisions.end());
  std::vector<ActionReview> plain;
  for (const auto& v : out.terugblikken) plain.push_back(v.terugblik);
  out.volgende = NextReview(out.ritme, plain, decisions, FormatDate(reg_.clock().Now()));
  auto views = Views(std::move(lessons), actor);
  if (!views.ok()) return views.error();
  for (auto& v : views.value())
    for (auto& r : out.terugblikken)
      if (v.les.terugblik_id == r.terugblik.id) r.lessen.push_back(v);
  return out;
}

Result<ActionReviewView> Learning::GetActionReview(int64_t innovation_id, int64_t id, const Actor& actor) {
  auto all = ActionReviews(innovation_id, actor);
  if (!all.ok()) return all.error();
  for (auto& r : all.value().terugblikken)
    if (r.terugblik.id == id) return std::move(r);
  return NotFoundError(Missing::kActionReview);
}

Result<ActionReviewView> Learning::SaveActionReview(int64_t innovation_id, ActionReview review,
                                                    int64_t expected_version, const Actor& actor,
                                                    std::vector<FieldProblem> earlier) {
  auto header = Editable(innovation_id, actor);
  if (!header.ok()) return header.error();
  review.innovatie_id = innovation_id;
  for (auto* text : {&review.mijlpaal, &review.gepland, &review.gebeurd, &review.verschil, &review.vervolg})
    *text = Trim(*text);
  auto problems = std::move(earlier);
  MergeProblems(&problems, Validate(review));
  if (!problems.empty()) return Rejected(std::move(problems), "De terugblik");
  ChangeContext change = reg_.Change(actor);
  const std::string org = header.value().facts.organisatie;
  auto saved = store_.Write([&](Work& w) -> Result<ActionReview> {
    json before = json::object();
    if (review.id != 0) {
      auto old = w.learning().GetActionReview(innovation_id, review.id);
      if (!old.ok()) return old;
      before = ToJson(old.value());
      review.auteur = old.value().auteur;
    } else {
      review.auteur = change.door;
    }
    auto stored = w.learning().SaveActionReview(review, expected_version, change.op);
    if (!stored.ok()) return stored;
    Status st = w.audit().Append(PartAudit(change, review.id == 0 ? "aangemaakt" : "gewijzigd", "terugblik",
                                           std::to_string(stored.value().id), org, innovation_id, before,
                                           ToJson(stored.value())));
    if (!st.ok()) return st.error();
    return stored;
  });
  if (!saved.ok()) return WordedReview(saved.error());
  return GetActionReview(innovation_id, saved.value().id, actor);
}

Status Learning::DeleteActionReview(int64_t innovation_id, int64_t id, const Actor& actor) {
  auto header = Editable(innovation_id, actor);
  if (!header.ok()) return header.error();
  ChangeContext change = reg_.Change(actor);
  const std::string org = header.value().facts.organisatie;
  Status st = store_.Write([&](Work& w) -> Status {
    auto old = w.learning().GetActionReview(innovation_id, id);
    if (!old.ok()) return old.status();
    Status st = w.learning().DeleteActionReview(innovation_id, id);
    if (!st.ok()) return st;
    return w.audit().Append(PartAudit(change, "verwijderd", "terugblik", std::to_string(id), org, innovation_id,
                                      ToJson(old.value()), json::object()));
  });
  if (!st.ok()) return WordedReview(st.error());
  return Status::Ok();
}

Result<ActionReviewOverview> Learning::SaveCadence(int64_t innovation_id, ReviewCadence cadence,
                                                   int64_t expected_version, const Actor& actor,
                                                   std::vector<FieldProblem> earlier) {
  auto header = Editable(innovation_id, actor);
  if (!header.ok()) return header.error();
  cadence.innovatie_id = innovation_id;
  if (cadence.vanaf.empty() && cadence.elke_weken) cadence.vanaf = FormatDate(reg_.clock().Now());
  auto problems = std::move(earlier);
  MergeProblems(&problems, Validate(cadence));
  if (!problems.empty()) return Rejected(std::move(problems), "Het ritme van de terugblikken");
  ChangeContext change = reg_.Change(actor);
  const std::string org = header.value().facts.organisatie;
  auto saved = store_.Write([&](Work& w) -> Result<ReviewCadence> {
    auto old = w.learning().GetCadence(innovation_id);
    if (!old.ok()) return old;
    auto stored = w.learning().SaveCadence(cadence, expected_version, change.op);
    if (!stored.ok()) return stored;
    Status st = w.audit().Append(PartAudit(change, "gewijzigd", "terugblikritme", std::to_string(innovation_id), org,
                                           innovation_id, ToJson(old.value()), ToJson(stored.value())));
    if (!st.ok()) return st.error();
    return stored;
  });
  if (!saved.ok()) return WordedReview(saved.error());
  return ActionReviews(innovation_id, actor);
}


Result<std::vector<InvitationView>> Learning::InvitationViews(std::vector<Invitation> invitations) {
  std::vector<int64_t> ids;
  for (const auto& i : invitations) ids.push_back(i.innovatie_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<InvitationView> out;
  const std::string today = FormatDate(reg_.clock().Now());
  Status read = store_.Read([&](Work& w) -> Status {
    auto innovations = w.innovations().GetMany(ids);
    if (!innovations.ok()) return innovations.status();
    std::unordered_map<int64_t, const Innovation*> by_id;
    for (const auto& in : innovations.value()) by_id[in.id] = &in;
    std::unordered_map<int64_t, std::vector<FriendComment>> comments;
    for (int64_t id : ids) {
      auto c = w.learning().Comments(id);
      if (!c.ok()) return c.status();
      for (auto& x : c.value()) comments[x.uitnodiging_id].push_back(std::move(x));
    }
    std::unordered_map<std::string, std::string> names;
    for (auto& i : invitations) {
      auto in = by_id.find(i.innovatie_id);
      if (in == by_id.end()) continue;
      InvitationView v;
      v.open = IsOpen(i, today);
      v.innovatie_titel = in->second->titel;
      v.organisatie = in->second->organisatie;
      if (!names.count(v.organisatie)) {
        auto org = w.organisations().Get(v.organisatie);
        names[v.organisatie] = org.ok() ? org.value().naam : v.organisatie;
      }
      v.organisatie_naam = names[v.organisatie];
      v.commentaar = std::move(comments[i.id]);
      v.uitnodiging = std::move(i);
      out.push_back(std::move(v));
    }
    return Status::Ok();
  });
  if (!read.ok()) return read.error();
  return out;
}

Result<std::vector<InvitationView>> Learning::Invitations(int64_t innovation_id, const Actor& actor) {
  auto header = Editable(innovation_id, actor);
  if (!header.ok()) return header.error();
  auto list = store_.Read([&](Work& w) { return w.learning().Invitations(innovation_id); });
  if (!list.ok()) return list.error();
  return InvitationViews(std::move(list).value());
}

Result<InvitationView> Learning::Invite(int64_t innovation_id, Invitation inv, const Actor& actor,
                                        std::vector<FieldProblem> earlier) {
  auto header = Editable(innovation_id, actor);
  if (!header.ok()) return header.error();
  const std::string org = header.value().facts.organisatie;
  inv.id = 0;
  inv.innovatie_id = innovation_id;
  inv.ingetrokken = false;
  inv.auteur = actor.weergavenaam;
  inv.email = Trim(inv.email);
  inv.naam = Trim(inv.naam);
  auto problems = std::move(earlier);
  MergeProblems(&problems, Validate(inv, FormatDate(reg_.clock().Now())));
  if (inv.terugblik_id) {
    auto aar = store_.Read([&](Work& w) { return w.learning().GetActionReview(innovation_id, inv.terugblik_id); });
    if (!aar.ok()) MergeProblems(&problems, {{"terugblikId", "is geen terugblik van deze innovatie"}});
  }
  if (!inv.email.empty()) {
    auto user = store_.Read([&](Work& w) { return w.accounts().FindUserByEmail(AsciiLower(Trim(inv.email))); });
    if (!user.ok() || !user.value().actief) {
      MergeProblems(&problems, {{"email", "er is geen Koers-account met dit e-mailadres"}});
    } else if (std::any_of(user.value().rollen.begin(), user.value().rollen.end(),
                           [&](const RoleGrant& r) { return r.organisatie == org; })) {
      MergeProblems(&problems, {{"email", "hoort bij uw eigen organisatie; een kritische vriend komt van een andere"}});
    } else {
      inv.gebruiker_id = user.value().id;
      inv.email = user.value().email;
    }
  }
  if (!problems.empty()) return Rejected(std::move(problems), "De uitnodiging");
  ChangeContext change = reg_.Change(actor);
  auto saved = store_.Write([&](Work& w) -> Result<Invitation> {
    auto stored = w.learning().SaveInvitation(inv, 0, change.op);
    if (!stored.ok()) return stored;
    Status st = w.audit().Append(PartAudit(change, "aangemaakt", "uitnodiging", std::to_string(stored.value().id), org,
                                           innovation_id, json::object(), AuditOf(stored.value())));
    if (!st.ok()) return st.error();
    return stored;
  });
  if (!saved.ok()) return saved.error();
  auto views = InvitationViews({saved.value()});
  if (!views.ok()) return views.error();
  if (views.value().empty()) return NotFoundError(Missing::kInvitation);
  return std::move(views.value().front());
}

Status Learning::Withdraw(int64_t innovation_id, int64_t id, const Actor& actor) {
  auto header = Editable(innovation_id, actor);
  if (!header.ok()) return header.error();
  auto current = store_.Read([&](Work& w) { return w.learning().GetInvitation(id); });
  if (!current.ok() || current.value().innovatie_id != innovation_id) return NotFoundError(Missing::kInvitation);
  if (current.value().ingetrokken) return Status::Ok();
  Invitation changed = current.value();
  changed.ingetrokken = true;
  ChangeContext change = reg_.Change(actor);
  const std::string org = header.value().facts.organisatie;
  return store_.Write([&](Work& w) -> Status {
    auto stored = w.learning().SaveInvitation(changed, current.value().versie, change.op);
    if (!stored.ok()) return stored.status();
    return w.audit().Append(PartAudit(change, "ingetrokken", "uitnodiging", std::to_string(id), org, innovation_id,
                                      AuditOf(current.value()), AuditOf(stored.value())));
  });
}

Result<std::vector<InvitationView>> Learning::MyInvitations(const Actor& actor) {
  if (actor.Anonymous() || actor.gebruiker_id == 0)
    return Error{ErrorKind::kUnauthenticated, "Log in om uw uitnodigingen te zien.", {}};
  auto list = store_.Read([&](Work& w) { return w.learning().InvitationsOfUser(actor.gebruiker_id); });
  if (!list.ok()) return list.error();
  const std::string today = FormatDate(reg_.clock().Now());
  std::erase_if(list.value(), [&](const Invitation& i) { return !IsOpen(i, today); });
  return InvitationViews(std::move(list).value());
}

Result<std::pair<Invitation, Innovation>> Learning::OpenInvitation(int64_t id, const Actor& actor) {
  if (actor.Anonymous() || actor.gebruiker_id == 0)
    return Error{ErrorKind::kUnauthenticated, "Log in om een uitnodiging te openen.", {}};
  auto found = store_.Read([&](Work& w) -> Result<std::pair<Invitation, Innovation>> {
    auto i = w.learning().GetInvitation(id);
    if (!i.ok()) return i.error();
    auto in = w.innovations().Get(i.value().innovatie_id);
    if (!in.ok()) return in.error();
    return std::make_pair(std::move(i).value(), std::move(in).value());
  });
  // Someone else's invitation, a closed one and none at all read the same.
  if (!found.ok() || found.value().first.gebruiker_id != actor.gebruiker_id ||
      !IsOpen(found.value().first, FormatDate(reg_.clock().Now())))
    return NotFoundError(Missing::kInvitation);
  return found;
}

Result<SharedView> Learning::Shared(int64_t id, const Actor& actor) {
  auto open = OpenInvitation(id, actor);
  if (!open.ok()) return open.error();
  auto& [inv, innovation] = open.value();
  SharedView out;
  Status read = store_.Read([&](Work& w) -> Status {
    auto a = w.learning().ActionReviews(inv.innovatie_id);
    auto l = w.learning().Lessons(inv.innovatie_id);
    if (!a.ok()) return a.status();
    if (!l.ok()) return l.status();
    for (auto& r : a.value())
      if (!inv.terugblik_id || r.id == inv.terugblik_id) out.terugblikken.push_back(std::move(r));
    for (auto& les : l.value())
      if ((!inv.terugblik_id || les.terugblik_id == inv.terugblik_id) &&
          Reach(les.zichtbaarheid) >= Reach(innovation.zichtbaarheid))
        out.lessen.push_back(std::move(les));
    return Status::Ok();
  });
  if (!read.ok()) return read.error();
  if (inv.terugblik_id && out.terugblikken.empty()) return NotFoundError(Missing::kInvitation);
  auto views = InvitationViews({inv});
  if (!views.ok()) return views.error();
  if (views.value().empty()) return NotFoundError(Missing::kInvitation);
  out.uitnodiging = std::move(views.value().front());
  out.innovatie = std::move(innovation);
  return out;
}

Result<FriendComment> Learning::Comment(int64_t id, FriendComment comment, const Actor& actor,
                                        std::vector<FieldProblem> earlier) {
  auto open = OpenInvitation(id, actor);
  if (!open.ok()) return open.error();
  const auto& [inv, innovation] = open.value();
  comment.id = 0;
  comment.uitnodiging_id = id;
  comment.innovatie_id = inv.innovatie_id;
  comment.tekst = Trim(comment.tekst);
  comment.auteur = actor.weergavenaam;
  auto problems = std::move(earlier);
  MergeProblems(&problems, Validate(comment));
  if (!problems.empty()) return Rejected(std::move(problems), "Het commentaar");
  ChangeContext change = reg_.Change(actor);
  return store_.Write([&](Work& w) -> Result<FriendComment> {
    auto stored = w.learning().AddComment(comment, change.op);
    if (!stored.ok()) return stored;
    Status st = w.audit().Append(PartAudit(change, "aangemaakt", "commentaar", std::to_string(stored.value().id),
                                           innovation.organisatie, inv.innovatie_id, json::object(),
                                           ToJson(stored.value())));
    if (!st.ok()) return st.error();
    return stored;
  });
}

}  // namespace koers
