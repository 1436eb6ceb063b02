#include "app/register.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/not_found.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "domain/checks.hpp"
#include "domain/innovation_json.hpp"

namespace koers {
namespace {

// Whether `in` changes who owns, develops or reads the innovation of `facts`.
bool ChangesCircle(const AccessFacts& facts, const Innovation& in) {
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  return in.organisatie != facts.organisatie || in.zichtbaarheid != facts.zichtbaarheid ||
         sorted(in.partners) != sorted(facts.partners) ||
         sorted(in.partners_met_bewerkrecht) != sorted(facts.partners_met_bewerkrecht);
}

Error LoginNeeded() {
  return Error{ErrorKind::kUnauthenticated, "Log in om innovaties te registreren of te wijzigen.", {}};
}

// The store's typed errors about one innovation, in words.
Error Worded(Error e) {
  if (e.kind == ErrorKind::kNotFound) return NotFoundError(Missing::kInnovation);
  if (e.kind == ErrorKind::kPreconditionFailed && e.message.empty())
    e.message = "De innovatie is intussen door iemand anders gewijzigd. Laad haar opnieuw en probeer het nog eens.";
  if (e.kind == ErrorKind::kInvalid && e.message.empty()) {
    e.message = "De innovatie verwijst naar een onbekende organisatie.";
    for (auto& p : e.problems)
      if (p.message.empty()) p.message = "deze organisatie bestaat niet";
  }
  return e;
}

// A register owns only some fields of an imported innovation; everything
// else is Koers's own and survives a re-import. A reference case file owns
// every field.
Innovation MergeImported(const Innovation& existing, const Innovation& incoming) {
  Innovation m = existing;
  if (incoming.bron) {
    m.titel = incoming.titel;
    m.doel = incoming.doel;
    m.organisatie = incoming.organisatie;
    m.fase = incoming.fase;
    m.status = incoming.status;
    m.bron = incoming.bron;
    // The register owns two publication fields; the others it only fills
    // while they are empty, so what Koers's users wrote stays.
    if (incoming.publicatie) {
      Publication p = existing.publicatie.value_or(Publication{});
      p.wettelijke_grondslag = incoming.publicatie->wettelijke_grondslag;
      p.impacttoetsen = incoming.publicatie->impacttoetsen;
      FillEmpty(*incoming.publicatie, &p);
      m.publicatie = std::move(p);
    }
    return m;
  }
  m = incoming;
  m.id = existing.id;
  m.versie = existing.versie;
  m.aangemaakt_op = existing.aangemaakt_op;
  m.aangemaakt_door = existing.aangemaakt_door;
  m.gewijzigd_op = existing.gewijzigd_op;
  m.organisatie_naam = existing.organisatie_naam;
  m.fase_historie = existing.fase_historie;
  return m;
}

// Stores a new innovation with its first phase (or, from trusted callers,
// the history it brings) and its audit entry. Returns its id.
Result<int64_t> Insert(Work& w, Innovation in, const ChangeContext& change) {
  StampReview(&in, nullptr, change.op, false);
  auto id = w.innovations().Create(in, change.op);
  if (!id.ok()) return id;
  std::vector<PhaseChange> history = in.fase_historie;
  if (history.empty()) history.push_back({in.fase, in.status, change.Stamp(), change.door, change.reden});
  for (const auto& p : history) {
    Status st = w.innovations().AddPhaseChange(id.value(), p);
    if (!st.ok()) return st.error();
  }
  Status st = w.audit().Append(AuditFor(change, "aangemaakt", "innovatie", std::to_string(id.value()), in.organisatie,
                                        InnovationChanges(nullptr, &in), id.value()));
  if (!st.ok()) return st.error();
  return id;
}

// Replaces `before` by `after` with a phase change when fase or status
// moved, and the audit entry of what changed.
Status ApplyChange(Work& w, const Innovation& before, const Innovation& after, int64_t expected_version,
                   const ChangeContext& change) {
  auto version = w.innovations().Update(after, expected_version, change.op);
  if (!version.ok()) return version.status();
  if (before.fase != after.fase || before.status != after.status) {
    Status st = w.innovations().AddPhaseChange(after.id, {after.fase, after.status, change.Stamp(), change.door, change.reden});
    if (!st.ok()) return st;
  }
  return w.audit().Append(AuditFor(change, "gewijzigd", "innovatie", std::to_string(after.id), after.organisatie,
                                   InnovationChanges(&before, &after), after.id));
}

}  // namespace


void Register::Absorb() {
  // The change is committed and queued; if the index fails now, the queue
  // keeps it for the next attempt (at the latest at the next start).
  Status st = search_.CatchUp(store_);
  if (!st.ok()) log::Warn("zoekindex_loopt_achter", {{"fout", st.error().detail.empty() ? st.error().message : st.error().detail}});
}

SearchViewer SearchViewerOf(const Actor& actor) {
  SearchViewer v;
  v.alles = actor.Everything();
  v.gebruiker_id = actor.gebruiker_id;
  for (const auto& g : actor.rollen)
    if (std::find(v.organisaties.begin(), v.organisaties.end(), g.organisatie) == v.organisaties.end())
      v.organisaties.push_back(g.organisatie);
  return v;
}

ViewerScope ScopeOf(const Actor& actor) { return ViewerScope{actor.Everything(), actor.gebruiker_id}; }

ChangeContext Register::Change(const Actor& actor, const std::string& reden) const {
  return ChangeContext::Of(actor, clock_.Now(), reden);
}

Error Register::Refuse(const Actor& actor, const char* actie, int64_t id, const std::string& org, Error error) {
  AuditEntry e = AuditFor(Change(actor), actie, "innovatie", id ? std::to_string(id) : "", org, nlohmann::json::object(), id);
  e.resultaat = "geweigerd";
  Status st = store_.Write([&](Work& w) { return w.audit().Append(e); });
  if (!st.ok()) log::Warn("audit_niet_opgeslagen", {{"fout", st.error().detail}});
  log::Warn("toegang_geweigerd", {{"gebruiker", actor.gebruiker_id}, {"actie", actie}, {"innovatie", id}, {"organisatie", org}});
  return error;
}

Result<InnovationHeader> Register::Header(int64_t id, const Actor& actor) {
  auto counter = store_.ChangeCounter();
  if (!counter.ok()) return counter.error();
  std::optional<InnovationHeader> header;
  {
    std::lock_guard lock(headers_mutex_);
    auto it = headers_.find(id);
    if (it != headers_.end() && it->second.first == counter.value()) header = it->second.second;
  }
  if (!header) {
    auto loaded = store_.Read([&](Work& w) { return w.innovations().Header(id); });
    if (!loaded.ok()) return Worded(loaded.error());
    header = std::move(loaded).value();
    std::lock_guard lock(headers_mutex_);
    if (headers_.size() > 200000) headers_.clear();
    headers_[id] = {counter.value(), *header};
  }
  if (!CanRead(actor, header->facts)) return NotFoundError(Missing::kInnovation);
  return *header;
}

Result<Innovation> Register::Get(int64_t id, const Actor& actor) {
  auto header = Header(id, actor);
  if (!header.ok()) return header.error();
  auto in = store_.Read([&](Work& w) { return w.innovations().Get(id); });
  if (!in.ok()) return Worded(in.error());
  return in;
}

Result<std::vector<Innovation>> Register::GetMany(const std::vector<int64_t>& ids, const Actor& actor) {
  auto all = store_.Read([&](Work& w) { return w.innovations().GetMany(ids); });
  if (!all.ok()) return all;
  std::vector<Innovation> readable;
  for (auto& in : all.value())
    if (CanRead(actor, FactsOf(in))) readable.push_back(std::move(in));
  return readable;
}

Result<Listing<Innovation>> Register::List(InnovationFilter filter, const PageRequest& page, const Actor& actor) {
  filter.viewer = ScopeOf(actor);
  return store_.Read([&](Work& w) { return w.innovations().List(filter, page); });
}

Status Register::Each(InnovationFilter filter, const Actor& actor, const std::function<bool(const Innovation&)>& fn) {
  filter.viewer = ScopeOf(actor);
  return store_.Read([&](Work& w) { return w.innovations().Each(filter, fn); });
}

Result<std::vector<CountRow>> Register::Count(const std::string& group_by, const Actor& actor) {
  return store_.Read([&](Work& w) { return w.innovations().Count(group_by, ScopeOf(actor)); });
}

std::vector<FieldProblem> Register::Check(Innovation* in) {
  auto problems = Validate(*in);
  auto named = [&](const std::string& field) {
    for (const auto& p : problems)
      if (p.field == field) return true;
    return false;
  };
  Status read = store_.Read([&](Work& w) -> Status {
    auto exists = [&](const std::string& code, const std::string& field) -> Status {
      if (code.empty() || named(field)) return Status::Ok();
      auto org = w.organisations().Get(code);
      if (org.ok()) return Status::Ok();
      if (org.error().kind != ErrorKind::kNotFound) return org.status();
      problems.push_back({field, "de organisatie '" + code + "' bestaat niet"});
      return Status::Ok();
    };
    Status st = exists(in->organisatie, "organisatie");
    for (size_t i = 0; st.ok() && i < in->partners.size(); ++i)
      st = exists(in->partners[i], "partners[" + std::to_string(i) + "]");
    for (size_t i = 0; st.ok() && i < in->team.size(); ++i) {
      auto& m = in->team[i];
      m.gebruiker_id = 0;
      std::string field = "team[" + std::to_string(i) + "].gebruiker";
      if (m.gebruiker.empty() || named(field)) continue;
      auto user = w.accounts().FindUserByEmail(AsciiLower(m.gebruiker));
      if (user.ok()) {
        m.gebruiker_id = user.value().id;
      } else if (user.error().kind == ErrorKind::kNotFound) {
        problems.push_back({field, "er is geen Koers-gebruiker met dit e-mailadres"});
      } else {
        st = user.status();
      }
    }
    return st;
  });
  if (!read.ok()) problems.push_back({"", "de verwijzingen konden niet worden gecontroleerd; probeer het opnieuw"});
  return problems;
}

Result<Innovation> Register::Create(Innovation in, const Actor& actor, std::vector<FieldProblem> earlier) {
  if (actor.Anonymous()) return LoginNeeded();
  Normalise(&in);
  auto problems = std::move(earlier);
  MergeProblems(&problems, Check(&in));
  if (!problems.empty()) return Rejected(std::move(problems), "De innovatie");
  if (!CanCreateFor(actor, in.organisatie))
    return Refuse(actor, "aanmaken", 0, in.organisatie,
                  Forbidden("U mag geen innovaties registreren voor " + in.organisatie +
                            ": daarvoor is de rol lid of beheerder in die organisatie nodig."));
  in.fase_historie.clear();
  in.aangemaakt_door = actor.gebruiker_id;
  ChangeContext change = Change(actor, "aangemaakt");
  StampReview(&in, nullptr, change.op, true);
  auto stored = store_.Write([&](Work& w) -> Result<Innovation> {
    auto id = Insert(w, in, change);
    if (!id.ok()) return id.error();
    return w.innovations().Get(id.value());
  });
  if (!stored.ok()) return Worded(stored.error());
  Absorb();
  return stored;
}

Result<Innovation> Register::Replace(int64_t id, Innovation in, int64_t expected_version, const Actor& actor,
                                     const std::string& reden, std::vector<FieldProblem> earlier) {
  auto header = Header(id, actor);
  if (!header.ok()) return header.error();
  if (actor.Anonymous()) return LoginNeeded();
  const AccessFacts& facts = header.value().facts;
  if (!CanEdit(actor, facts))
    return Refuse(actor, "wijzigen", id, facts.organisatie,
                  Forbidden("U mag deze innovatie niet wijzigen: daarvoor is de rol lid in " + facts.organisatie +
                            " nodig, of projectleider van deze innovatie."));
  in.id = id;
  Normalise(&in);
  auto problems = std::move(earlier);
  MergeProblems(&problems, Check(&in));
  if (!problems.empty()) return Rejected(std::move(problems), "De innovatie");
  if (!CanEditCircle(actor, facts) && ChangesCircle(facts, in)) {
    auto owner = GetOrganisation(facts.organisatie);
    return Refuse(actor, "wijzigen", id, facts.organisatie,
                  Forbidden("Als partner mag u deze innovatie bewerken, maar wie meedoet, wie mag bewerken en wie "
                            "haar mag lezen bepaalt " + (owner.ok() ? owner.value().naam : facts.organisatie) +
                            " als eigenaar."));
  }
  if (in.organisatie != facts.organisatie && !CanCreateFor(actor, in.organisatie))
    return Refuse(actor, "wijzigen", id, facts.organisatie,
                  Forbidden("U mag de innovatie niet onderbrengen bij " + in.organisatie + "."));
  ChangeContext change = Change(actor, reden);
  auto stored = store_.Write([&](Work& w) -> Result<Innovation> {
    auto before = w.innovations().Get(id);
    if (!before.ok()) return before.error();
    if (expected_version > 0 && before.value().versie != expected_version)
      return Error{ErrorKind::kPreconditionFailed,
                   "De innovatie is intussen door iemand anders gewijzigd (versie " +
                       std::to_string(before.value().versie) + "). Laad haar opnieuw en probeer het nog eens.",
                   {}};
    in.aangemaakt_door = before.value().aangemaakt_door;
    StampReview(&in, &before.value(), change.op, true);
    Status st = ApplyChange(w, before.value(), in, before.value().versie, change);
    if (!st.ok()) return st.error();
    return w.innovations().Get(id);
  });
  if (!stored.ok()) return Worded(stored.error());
  Absorb();
  return stored;
}

Result<Innovation> Register::Confirm(int64_t id, int64_t expected_version, const Actor& actor) {
  auto header = Header(id, actor);
  if (!header.ok()) return header.error();
  if (actor.Anonymous()) return LoginNeeded();
  const AccessFacts& facts = header.value().facts;
  if (!CanEdit(actor, facts))
    return Refuse(actor, "bevestigen", id, facts.organisatie,
                  Forbidden("U mag deze registratie niet bevestigen: dat doet wie de innovatie mag bewerken."));
  ChangeContext change = Change(actor, "bevestigd");
  auto stored = store_.Write([&](Work& w) -> Result<Innovation> {
    auto before = w.innovations().Get(id);
    if (!before.ok()) return before.error();
    if (expected_version > 0 && before.value().versie != expected_version)
      return Error{ErrorKind::kPreconditionFailed,
                   "De innovatie is intussen door iemand anders gewijzigd (versie " +
                       std::to_string(before.value().versie) + "). Laad haar opnieuw en probeer het nog eens.",
                   {}};
    Innovation after = before.value();
    after.herzien_op.clear();
    StampReview(&after, &before.value(), change.op, true);
    Status st = ApplyChange(w, before.value(), after, before.value().versie, change);
    if (!st.ok()) return st.error();
    return w.innovations().Get(id);
  });
  if (!stored.ok()) return Worded(stored.error());
  Absorb();
  return stored;
}

Result<Listing<Innovation>> Register::Overdue(const std::string& org, const PageRequest& page, const Actor& actor) {
  auto known = GetOrganisation(org);
  if (!known.ok()) return known.error();
  if (actor.Anonymous()) return LoginNeeded();
  if (!actor.Everything() && !actor.HasAnyRole(org))
    return Forbidden("Alleen wie een rol heeft bij " + known.value().naam +
                     " ziet welke van haar registraties een controle nodig hebben.");
  InnovationFilter filter;
  filter.organisatie = org;
  filter.zichtbaarheid = "openbaar";
  filter.herzien_voor = FormatDate(clock_.Now());
  filter.sorteer = "herzienOp";
  return List(filter, page, actor);
}

Status Register::Delete(int64_t id, const Actor& actor) {
  auto header = Header(id, actor);
  if (!header.ok()) return header.error();
  if (actor.Anonymous()) return LoginNeeded();
  if (!CanDelete(actor, header.value().facts))
    return Refuse(actor, "verwijderen", id, header.value().facts.organisatie,
                  Forbidden("Alleen een beheerder van " + header.value().facts.organisatie +
                            " mag deze innovatie verwijderen."));
  ChangeContext change = Change(actor, "verwijderd");
  Status st = store_.Write([&](Work& w) -> Status {
    auto before = w.innovations().Get(id);
    if (!before.ok()) return before.status();
    Status deleted = w.innovations().Delete(id);
    if (!deleted.ok()) return deleted;
    return w.audit().Append(AuditFor(change, "verwijderd", "innovatie", std::to_string(id), before.value().organisatie,
                                     InnovationChanges(&before.value(), nullptr), id));
  });
  if (!st.ok()) return Worded(st.error());
  Absorb();
  return Status::Ok();
}

Result<ImportCounts> Register::Import(const std::vector<Organisation>& new_orgs,
                                     const std::vector<Innovation>& items, const Actor& actor) {
  if (!actor.systeem) return Forbidden("Alleen Koers zelf importeert.");
  ChangeContext change = Change(actor, "import");
  auto counts = store_.Write([&](Work& w) -> Result<ImportCounts> {
    auto added = w.organisations().AddNew(new_orgs, change.op);
    if (!added.ok()) return added.error();
    ImportCounts counts;
    for (const auto& in : items) {
      auto found = in.bron ? w.innovations().FindBySource(in.bron->registry, in.bron->id)
                           : w.innovations().FindByReference(in.referentie);
      if (!found.ok() && found.error().kind != ErrorKind::kNotFound) return found.error();
      if (!found.ok()) {
        auto id = Insert(w, in, change);
        if (!id.ok()) return id.error();
        ++counts.toegevoegd;
        continue;
      }
      auto old = w.innovations().Get(found.value());
      if (!old.ok()) return old.error();
      Innovation merged = MergeImported(old.value(), in);
      StampReview(&merged, &old.value(), change.op, false);
      if (InnovationChanges(&old.value(), &merged).empty()) {
        ++counts.ongewijzigd;
        continue;
      }
      Status st = ApplyChange(w, old.value(), merged, 0, change);
      if (!st.ok()) return st.error();
      ++counts.gewijzigd;
    }
    return counts;
  });
  if (!counts.ok()) return Worded(counts.error());
  Absorb();
  return counts;
}

Result<int64_t> Register::FindReference(const std::string& referentie) {
  return store_.Read([&](Work& w) { return w.innovations().FindByReference(referentie); });
}

Result<Organisation> Register::GetOrganisation(const std::string& code) {
  auto org = store_.Read([&](Work& w) { return w.organisations().Get(code); });
  if (!org.ok()) return Worded(org.error(), Missing::kOrganisation);
  return org;
}

Result<Listing<Organisation>> Register::ListOrganisations(const OrganisationFilter& filter, const PageRequest& page) {
  return store_.Read([&](Work& w) { return w.organisations().List(filter, page); });
}

Result<std::vector<Organisation>> Register::AllOrganisations() {
  return store_.Read([&](Work& w) { return w.organisations().All(); });
}

Result<int> Register::AddOrganisations(const std::vector<Organisation>& orgs, const Actor& actor) {
  if (!actor.systeem) return Forbidden("Alleen Koers zelf laadt organisaties.");
  return store_.Write([&](Work& w) { return w.organisations().AddNew(orgs, clock_.Now()); });
}

}  // namespace koers
