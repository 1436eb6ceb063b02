#include "app/missions.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "app/not_found.hpp"
#include "core/text.hpp"
#include "domain/checks.hpp"
#include "domain/steering_json.hpp"
#include "domain/vocabulary.hpp"

namespace koers {
namespace {

using nlohmann::json;

Error MissionNotFound() { return NotFound("Deze missie bestaat niet of is niet zichtbaar voor u."); }
Error NotOwner() { return Forbidden("Alleen leden en beheerders van een organisatie die eigenaar is wijzigen deze missie."); }
Error LoginNeeded() {
  return Error{ErrorKind::kUnauthenticated, "Log in om een missie te maken of een innovatie aan te melden.", {}};
}

Error WordedMission(Error e) {
  if (e.kind == ErrorKind::kNotFound) return MissionNotFound();
  if (e.kind == ErrorKind::kPreconditionFailed)
    return Error{ErrorKind::kPreconditionFailed,
                 "Iemand anders heeft deze missie intussen gewijzigd. Laad haar opnieuw en breng uw wijziging opnieuw aan.",
                 {}};
  return e;
}

bool Matches(const Mission& m, const std::string& folded) {
  if (folded.empty()) return true;
  auto has = [&](const std::string& s) { return FoldAccents(s).find(folded) != std::string::npos; };
  if (has(m.titel) || has(m.opgave)) return true;
  return std::any_of(m.partners.begin(), m.partners.end(), [&](const MissionPartner& p) { return has(p.naam); });
}

const MissionContribution* Find(const Mission& m, int64_t innovation_id) {
  for (auto& b : m.bijdragen)
    if (b.innovatie_id == innovation_id) return &b;
  return nullptr;
}

std::vector<CountedOrganisation> ByName(std::map<std::string, CountedOrganisation> counted) {
  std::vector<CountedOrganisation> out;
  for (auto& [code, o] : counted) out.push_back(std::move(o));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.naam < b.naam; });
  return out;
}

}  // namespace

Result<Mission> Missions::Readable(int64_t id, const Actor& actor) {
  auto m = store_.Read([&](Work& w) { return w.missions().Get(id); });
  if (!m.ok()) return WordedMission(m.error());
  if (!CanRead(actor, m.value())) return MissionNotFound();
  return m;
}

Result<std::vector<MissionView>> Missions::Views(std::vector<Mission> missions, const Actor& actor) {
  auto orgs = reg_.AllOrganisations();
  if (!orgs.ok()) return orgs.error();
  std::map<std::string, const Organisation*> org_by_code;
  for (const auto& o : orgs.value()) org_by_code[o.code] = &o;
  auto name_of = [&](const std::string& code) {
    auto it = org_by_code.find(code);
    return it == org_by_code.end() ? code : it->second->naam;
  };
  // One read for the contributions of all missions; only readable ones come back.
  std::vector<int64_t> ids;
  for (const auto& m : missions)
    for (const auto& b : m.bijdragen) ids.push_back(b.innovatie_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::map<int64_t, Innovation> readable;
  if (!ids.empty()) {
    auto found = reg_.GetMany(ids, actor);
    if (!found.ok()) return found.error();
    for (auto& in : found.value()) readable.emplace(in.id, std::move(in));
  }
  std::vector<MissionView> out;
  for (auto& m : missions) {
    MissionView v;
    v.wijzigbaar = CanEdit(actor, m);
    for (const auto& o : m.eigenaren) v.eigenaren.emplace_back(o, name_of(o));
    for (const auto& f : vocab::kFase.entries) v.per_fase[std::string(f.value)] = 0;
    std::map<std::string, CountedOrganisation> counted, municipalities;
    for (const auto& b : m.bijdragen) {
      auto in = readable.find(b.innovatie_id);
      if (in == readable.end()) continue;
      const bool editor = CanEdit(actor, FactsOf(in->second));
      if (b.status != "ingestemd" && !editor && !v.wijzigbaar) continue;
      v.bijdragen.push_back({b, in->second, editor});
      if (b.status != "ingestemd") continue;
      ++v.aantal;
      ++v.per_fase[in->second.fase];
      const std::string& org = in->second.organisatie;
      auto& c = counted[org];
      c.code = org;
      c.naam = name_of(org);
      ++c.aantal;
      auto o = org_by_code.find(org);
      if (o != org_by_code.end() && o->second->soort == "gemeente") municipalities[org] = c;
    }
    v.organisaties = ByName(std::move(counted));
    v.gemeenten = ByName(std::move(municipalities));
    v.missie = std::move(m);
    out.push_back(std::move(v));
  }
  return out;
}

Result<Listing<MissionView>> Missions::List(const MissionSearch& search, const Actor& actor) {
  auto all = store_.Read([&](Work& w) { return w.missions().All(); });
  if (!all.ok()) return all.error();
  const std::string folded = FoldAccents(Trim(search.text));
  std::vector<Mission> matching;
  for (auto& m : all.value())
    if (CanRead(actor, m) && (search.status.empty() || m.status == search.status) && Matches(m, folded))
      matching.push_back(std::move(m));
  Listing<MissionView> page;
  page.totaal = static_cast<int64_t>(matching.size());
  const size_t from = static_cast<size_t>(search.page.pagina - 1) * search.page.pagina_grootte;
  std::vector<Mission> slice;
  for (size_t i = from; i < matching.size() && i < from + search.page.pagina_grootte; ++i)
    slice.push_back(std::move(matching[i]));
  auto views = Views(std::move(slice), actor);
  if (!views.ok()) return views.error();
  page.items = std::move(views).value();
  return page;
}

Result<MissionView> Missions::Get(int64_t id, const Actor& actor) {
  auto m = Readable(id, actor);
  if (!m.ok()) return m.error();
  auto views = Views({std::move(m).value()}, actor);
  if (!views.ok()) return views.error();
  return std::move(views.value().front());
}

std::vector<FieldProblem> Missions::CheckOwners(const Mission& m) {
  std::vector<FieldProblem> out;
  for (size_t i = 0; i < m.eigenaren.size(); ++i)
    if (!reg_.GetOrganisation(m.eigenaren[i]).ok())
      out.push_back({"eigenaren[" + std::to_string(i) + "]", "is geen bekende organisatie"});
  return out;
}

Result<Mission> Missions::Save(const Mission& m, int64_t expected_version, const Actor& actor, const char* actie) {
  ChangeContext change = reg_.Change(actor);
  auto saved = store_.Write([&](Work& w) -> Result<Mission> {
    json before = json::object();
    if (m.id) {
      auto old = w.missions().Get(m.id);
      if (!old.ok()) return old.error();
      before = ToStored(old.value());
    }
    auto stored = w.missions().Save(m, expected_version, change.op);
    if (!stored.ok()) return stored;
    Status st = w.audit().Append(AuditFor(change, actie, "missie", std::to_string(stored.value().id),
                                          m.eigenaren.empty() ? "" : m.eigenaren.front(),
                                          JsonChanges(before, ToStored(stored.value()))));
    if (!st.ok()) return st.error();
    return stored;
  });
  if (!saved.ok()) return WordedMission(saved.error());
  return saved;
}

Result<MissionView> Missions::Create(Mission m, const Actor& actor, std::vector<FieldProblem> earlier) {
  if (actor.Anonymous()) return LoginNeeded();
  // Without owners named, the mission is of the organisation the author works for.
  if (m.eigenaren.empty() && !actor.rollen.empty()) m.eigenaren.push_back(actor.rollen.front().organisatie);
  m.id = 0;
  m.bijdragen.clear();
  m.titel = Trim(m.titel);
  Normalise(&m);
  auto problems = std::move(earlier);
  MergeProblems(&problems, Validate(m));
  MergeProblems(&problems, CheckOwners(m));
  if (!problems.empty()) return Rejected(std::move(problems), "De missie");
  if (!CanEdit(actor, m))
    return Forbidden("U kunt alleen een missie maken voor een organisatie waarin u lid of beheerder bent.");
  auto saved = Save(m, 0, actor, "aangemaakt");
  if (!saved.ok()) return saved.error();
  return Get(saved.value().id, actor);
}

Result<MissionView> Missions::Replace(int64_t id, Mission m, int64_t expected_version, const Actor& actor,
                                      std::vector<FieldProblem> earlier) {
  if (actor.Anonymous()) return LoginNeeded();
  auto current = Readable(id, actor);
  if (!current.ok()) return current.error();
  if (!CanEdit(actor, current.value())) return NotOwner();
  m.id = id;
  if (m.eigenaren.empty()) m.eigenaren = current.value().eigenaren;  // not named: unchanged
  m.titel = Trim(m.titel);
  Normalise(&m);
  auto problems = std::move(earlier);
  MergeProblems(&problems, Validate(m));
  MergeProblems(&problems, CheckOwners(m));
  if (!problems.empty()) return Rejected(std::move(problems), "De missie");
  // An editor may hand the mission over, but not lock themselves out by mistake.
  if (!CanEdit(actor, m))
    return Rejected({{"eigenaren", "noem ook een organisatie waarin u lid of beheerder bent"}}, "De missie");
  auto saved = Save(m, expected_version, actor, "gewijzigd");
  if (!saved.ok()) return saved.error();
  return Get(id, actor);
}

Status Missions::Delete(int64_t id, const Actor& actor) {
  if (actor.Anonymous()) return LoginNeeded();
  auto current = Readable(id, actor);
  if (!current.ok()) return current.error();
  if (!CanEdit(actor, current.value())) return NotOwner();
  ChangeContext change = reg_.Change(actor);
  const auto& m = current.value();
  Status st = store_.Write([&](Work& w) -> Status {
    Status s = w.missions().Delete(id);
    if (!s.ok()) return s;
    return w.audit().Append(AuditFor(change, "verwijderd", "missie", std::to_string(id),
                                     m.eigenaren.empty() ? "" : m.eigenaren.front(),
                                     JsonChanges(ToStored(m), json::object())));
  });
  if (!st.ok()) return WordedMission(st.error());
  return Status::Ok();
}

namespace {
json ContributionJson(const MissionContribution* c) {
  if (!c) return json::object();
  return json{{"status", c->status}, {"toelichting", c->toelichting}, {"gevraagdOp", c->gevraagd_op},
              {"beslistOp", c->beslist_op}};
}
}  // namespace

// The audit entry belongs to the innovation: who may read it reads that it joined.
Status Missions::SaveContribution(int64_t id, const MissionContribution* before, const MissionContribution* after,
                                  const Innovation& in, const Actor& actor, const char* actie) {
  ChangeContext change = reg_.Change(actor);
  Status st = store_.Write([&](Work& w) -> Status {
    Status s = after ? w.missions().SaveContribution(id, *after) : w.missions().DeleteContribution(id, in.id);
    if (!s.ok()) return s;
    return w.audit().Append(PartAudit(change, actie, "missiebijdrage", std::to_string(id), in.organisatie, in.id,
                                      ContributionJson(before), ContributionJson(after)));
  });
  if (!st.ok()) return WordedMission(st.error());
  return Status::Ok();
}

Result<MissionView> Missions::Propose(int64_t id, int64_t innovation_id, std::string toelichting, const Actor& actor) {
  if (actor.Anonymous()) return LoginNeeded();
  auto current = Readable(id, actor);
  if (!current.ok()) return current.error();
  Mission m = std::move(current).value();
  std::vector<FieldProblem> problems;
  toelichting = Trim(toelichting);
  CheckText(&problems, "toelichting", toelichting, 2000, false);
  auto in = reg_.Get(innovation_id, actor);
  if (!in.ok()) {
    if (in.error().kind != ErrorKind::kNotFound) return in.error();
    problems.push_back({"innovatieId", "deze innovatie bestaat niet of is niet zichtbaar voor u"});
  }
  if (!problems.empty()) return Rejected(std::move(problems), "De bijdrage");
  const bool innovation_editor = CanEdit(actor, FactsOf(in.value()));
  if (!innovation_editor && !CanEdit(actor, m))
    return Forbidden("Meld een innovatie aan als eigenaar van de missie of als wie de innovatie mag wijzigen.");
  if (Find(m, innovation_id)) return Conflict("Deze innovatie is al aangemeld bij deze missie.");
  MissionContribution b;
  b.innovatie_id = innovation_id;
  b.toelichting = std::move(toelichting);
  b.gevraagd_op = FormatDate(reg_.clock().Now());
  if (innovation_editor) {
    b.status = "ingestemd";
    b.beslist_op = b.gevraagd_op;
  }
  Status st = SaveContribution(id, nullptr, &b, in.value(), actor, "aangemeld");
  if (!st.ok()) return st.error();
  return Get(id, actor);
}

Result<MissionView> Missions::Decide(int64_t id, int64_t innovation_id, const std::string& status,
                                     const Actor& actor) {
  if (actor.Anonymous()) return LoginNeeded();
  if (status != "ingestemd" && status != "afgewezen")
    return Rejected({{"status", "kies uit: ingestemd, afgewezen"}}, "Het besluit");
  auto current = Readable(id, actor);
  if (!current.ok()) return current.error();
  Mission m = std::move(current).value();
  const MissionContribution* b = Find(m, innovation_id);
  auto in = reg_.Get(innovation_id, actor);
  if (!b || !in.ok()) return NotFound("Deze bijdrage bestaat niet of is niet zichtbaar voor u.");
  if (!CanEdit(actor, FactsOf(in.value())))
    return Forbidden("Alleen wie de innovatie mag wijzigen, stemt in met haar bijdrage aan een missie.");
  MissionContribution decided = *b;
  decided.status = status;
  decided.beslist_op = FormatDate(reg_.clock().Now());
  Status st = SaveContribution(id, b, &decided, in.value(), actor, status == "ingestemd" ? "ingestemd" : "afgewezen");
  if (!st.ok()) return st.error();
  return Get(id, actor);
}

Status Missions::Withdraw(int64_t id, int64_t innovation_id, const Actor& actor) {
  if (actor.Anonymous()) return LoginNeeded();
  auto current = Readable(id, actor);
  if (!current.ok()) return current.error();
  Mission m = std::move(current).value();
  auto in = reg_.Get(innovation_id, actor);
  const MissionContribution* b = Find(m, innovation_id);
  if (!b || !in.ok()) return NotFound("Deze bijdrage bestaat niet of is niet zichtbaar voor u.");
  if (!CanEdit(actor, m) && !CanEdit(actor, FactsOf(in.value())))
    return Forbidden("Alleen de eigenaren van de missie of van de innovatie trekken een bijdrage in.");
  return SaveContribution(id, b, nullptr, in.value(), actor, "ingetrokken");
}

}  // namespace koers
