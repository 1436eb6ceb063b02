#include "app/register.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/log.hpp"
#include "domain/checks.hpp"

namespace koers {
namespace {

Error Hidden() { return NotFound("Deze innovatie bestaat niet of is niet zichtbaar voor u."); }
Error LoginNeeded() {
  return Error{ErrorKind::kUnauthenticated, "Log in om innovaties te registreren of te wijzigen.", {}};
}

}  // namespace

void Register::Absorb() {
  // The change is committed and queued; if the index fails now, the queue
  // keeps it for the next attempt (at the latest at the next start).
  Status st = search_.CatchUp(store_);
  if (!st.ok()) log::Warn("zoekindex_loopt_achter", {{"fout", st.error().message}});
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
  return ChangeContext{actor.weergavenaam, actor.naam, actor.gebruiker_id, reden, FormatTimestamp(clock_.Now()), actor.verzoek_id};
}

Error Register::Refuse(const Actor& actor, const char* actie, int64_t id, const std::string& org, Error error) {
  AuditEntry e;
  e.op = FormatTimestamp(clock_.Now());
  e.gebruiker_id = actor.gebruiker_id;
  e.gebruiker = actor.naam;  // the account: the audit trail is for beheerders
  e.organisatie = org;
  e.actie = actie;
  e.resource = "innovatie";
  e.resource_id = id ? std::to_string(id) : "";
  e.innovatie_id = id;
  e.resultaat = "geweigerd";
  e.verzoek_id = actor.verzoek_id;
  Status st = store_.AppendAudit(e);
  if (!st.ok()) log::Warn("audit_niet_opgeslagen", {{"fout", st.error().message}});
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
    auto loaded = store_.GetInnovationHeader(id);
    if (!loaded.ok()) return loaded.error().kind == ErrorKind::kNotFound ? Hidden() : loaded.error();
    header = std::move(loaded).value();
    std::lock_guard lock(headers_mutex_);
    if (headers_.size() > 200000) headers_.clear();
    headers_[id] = {counter.value(), *header};
  }
  if (!CanRead(actor, header->facts)) return Hidden();
  return *header;
}

Result<Innovation> Register::Get(int64_t id, const Actor& actor) {
  auto header = Header(id, actor);
  if (!header.ok()) return header.error();
  auto in = store_.GetInnovation(id);
  if (!in.ok() && in.error().kind == ErrorKind::kNotFound) return Hidden();
  return in;
}

Result<Listing<Innovation>> Register::List(InnovationFilter filter, const PageRequest& page, const Actor& actor) {
  filter.viewer = ScopeOf(actor);
  return store_.ListInnovations(filter, page);
}

Result<std::vector<CountRow>> Register::Count(const std::string& group_by, const Actor& actor) {
  return store_.CountInnovations(group_by, ScopeOf(actor));
}

std::vector<FieldProblem> Register::Check(Innovation* in) {
  auto problems = Validate(*in);
  auto named = [&](const std::string& field) {
    for (const auto& p : problems)
      if (p.field == field) return true;
    return false;
  };
  auto exists = [&](const std::string& code, const std::string& field) {
    if (code.empty() || named(field)) return;
    auto org = store_.GetOrganisation(code);
    if (!org.ok() && org.error().kind == ErrorKind::kNotFound)
      problems.push_back({field, "de organisatie '" + code + "' bestaat niet"});
  };
  exists(in->organisatie, "organisatie");
  for (size_t i = 0; i < in->partners.size(); ++i) exists(in->partners[i], "partners[" + std::to_string(i) + "]");
  for (size_t i = 0; i < in->team.size(); ++i) {
    auto& m = in->team[i];
    m.gebruiker_id = 0;
    std::string field = "team[" + std::to_string(i) + "].gebruiker";
    if (m.gebruiker.empty() || named(field)) continue;
    auto user = store_.FindUserByEmail(m.gebruiker);
    if (user.ok()) {
      m.gebruiker_id = user.value().id;
    } else if (user.error().kind == ErrorKind::kNotFound) {
      problems.push_back({field, "er is geen Koers-gebruiker met dit e-mailadres"});
    }
  }
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
  auto stored = store_.CreateInnovation(in, Change(actor, "aangemaakt"));
  if (!stored.ok()) return stored;
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
  if (in.organisatie != facts.organisatie && !CanCreateFor(actor, in.organisatie))
    return Refuse(actor, "wijzigen", id, facts.organisatie,
                  Forbidden("U mag de innovatie niet onderbrengen bij " + in.organisatie + "."));
  auto stored = store_.UpdateInnovation(in, expected_version, Change(actor, reden));
  if (!stored.ok()) return stored;
  Absorb();
  return stored;
}

Status Register::Delete(int64_t id, const Actor& actor) {
  auto header = Header(id, actor);
  if (!header.ok()) return header.error();
  if (actor.Anonymous()) return LoginNeeded();
  if (!CanDelete(actor, header.value().facts))
    return Refuse(actor, "verwijderen", id, header.value().facts.organisatie,
                  Forbidden("Alleen een beheerder van " + header.value().facts.organisatie +
                            " mag deze innovatie verwijderen."));
  Status st = store_.DeleteInnovation(id, Change(actor, "verwijderd"));
  if (st.ok()) Absorb();
  return st;
}

Result<ImportCounts> Register::Import(const std::vector<Organisation>& new_orgs,
                                     const std::vector<Innovation>& items, const Actor& actor) {
  if (!actor.systeem) return Forbidden("Alleen Koers zelf importeert.");
  auto counts = store_.ImportInnovations(new_orgs, items, Change(actor, "import"));
  if (!counts.ok()) return counts;
  Absorb();
  return counts;
}

}  // namespace koers
