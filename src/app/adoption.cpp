#include "app/adoption.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "app/not_found.hpp"
#include "core/clock.hpp"
#include "core/log.hpp"
#include "domain/checks.hpp"
#include "domain/innovation_json.hpp"
#include "domain/steering_json.hpp"

namespace koers {
namespace {

using nlohmann::json;


Status NeedsLogin(const Actor& actor) {
  if (actor.Anonymous()) return Error{ErrorKind::kUnauthenticated, "Log in om een adoptie vast te leggen.", {}};
  return Status::Ok();
}

Error Worded(Error e) {
  if (e.kind == ErrorKind::kNotFound) return NotFoundError(Missing::kAdoption);
  if (e.message.empty()) {
    if (e.kind == ErrorKind::kConflict) e.message = "Deze organisatie heeft al een adoptie van deze innovatie; werk die bij.";
    if (e.kind == ErrorKind::kPreconditionFailed)
      e.message = "De adoptie is intussen door iemand anders gewijzigd. Laad haar opnieuw en probeer het nog eens.";
  }
  return e;
}

// What the audit trail keeps of an adoption.
json AuditJson(const Adoption& a) {
  return json{{"bron", a.bron_id}, {"status", a.status}, {"datum", a.datum}, {"notitie", a.notitie},
              {"innovatie", a.innovatie_id}, {"kopie", a.kopie}};
}

}  // namespace

std::vector<AdoptionView> Adoptions::Views(std::vector<Adoption> adoptions, const Actor& actor) {
  // Sources, linked innovations and business cases in three batch reads.
  std::vector<int64_t> ids;
  for (const auto& a : adoptions) {
    ids.push_back(a.bron_id);
    if (a.innovatie_id > 0) ids.push_back(a.innovatie_id);
  }
  auto readable = reg_.GetMany(ids, actor);
  std::map<int64_t, const Innovation*> by_id;
  if (readable.ok())
    for (const auto& in : readable.value()) by_id[in.id] = &in;
  std::vector<int64_t> sources;
  for (const auto& [id, in] : by_id) sources.push_back(id);
  auto cases = store_.Read([&](Work& w) { return w.steering().GetBusinessCases(sources); });

  std::vector<AdoptionView> out;
  for (auto& a : adoptions) {
    auto source = by_id.find(a.bron_id);
    if (source == by_id.end()) continue;  // the viewer may not read the source: the adoption does not exist for them
    const Innovation& s = *source->second;
    // Notes and names stay between the two organisations.
    bool involved = actor.Everything() || actor.HasAnyRole(a.organisatie) || actor.HasAnyRole(s.organisatie);
    if (!involved) {
      a.notitie.clear();
      for (auto& step : a.historie) {
        step.notitie.clear();
        step.door.clear();
      }
    }
    AdoptionView v;
    v.bron = {s.id, s.titel, s.organisatie, s.organisatie_naam, s.fase, s.status, s.waardecreatie, s.waardepotentie,
              s.waarde_soorten, std::nullopt, std::nullopt};
    if (cases.ok()) {
      auto bc = cases.value().find(s.id);
      if (bc != cases.value().end() && bc->second.versie > 0) {
        BusinessCaseTotals t = Totals(bc->second, 0);
        v.bron.baten_per_jaar = t.baten_per_jaar;
        v.bron.besparing_per_jaar = t.besparing_per_jaar;
      }
    }
    if (auto own = by_id.find(a.innovatie_id); a.innovatie_id > 0 && own != by_id.end()) {
      v.innovatie_zichtbaar = true;
      v.innovatie_titel = own->second->titel;
    }
    v.adoptie = std::move(a);
    out.push_back(std::move(v));
  }
  return out;
}

Result<std::vector<AdoptionView>> Adoptions::List(const AdoptionFilter& filter, const Actor& actor) {
  auto all = store_.Read([&](Work& w) { return w.adoptions().List(filter); });
  if (!all.ok()) return all.error();
  return Views(std::move(all).value(), actor);
}

Result<AdoptionView> Adoptions::Get(int64_t id, const Actor& actor) {
  auto a = store_.Read([&](Work& w) { return w.adoptions().Get(id); });
  if (!a.ok()) return Worded(a.error());
  auto views = Views({std::move(a).value()}, actor);
  if (views.empty()) return NotFoundError(Missing::kAdoption);
  return std::move(views.front());
}

Result<AdoptionView> Adoptions::Save(Adoption a, int64_t expected_version, bool make_copy, const Actor& actor,
                                     std::vector<FieldProblem> earlier) {
  if (a.id != 0) {
    auto current = Get(a.id, actor);
    if (!current.ok()) return current.error();
    a.bron_id = current.value().adoptie.bron_id;
    if (!a.organisatie.empty() && a.organisatie != current.value().adoptie.organisatie)
      earlier.push_back({"organisatie", "kan niet worden gewijzigd; leg een nieuwe adoptie vast"});
    a.organisatie = current.value().adoptie.organisatie;
    a.kopie = current.value().adoptie.kopie;
    a.innovatie_id = current.value().adoptie.innovatie_id;
    if (make_copy && a.innovatie_id > 0)
      earlier.push_back({"maakInnovatie", "deze adoptie heeft al een eigen innovatie"});
    else if (make_copy && a.kopie == "gevraagd")
      earlier.push_back({"maakInnovatie", "de kopie wacht al op toestemming van de eigenaar"});
  }
  auto source = reg_.Get(a.bron_id, actor);  // unknown and invisible look the same
  if (!source.ok()) return source.error();
  Status login = NeedsLogin(actor);
  if (!login.ok()) return login.error();
  if (!a.organisatie.empty() && !CanCreateFor(actor, a.organisatie)) {
    log::Warn("toegang_geweigerd", {{"gebruiker", actor.gebruiker_id}, {"innovatie", a.bron_id}, {"actie", "adoptie"}});
    return Forbidden("Alleen leden van " + a.organisatie + " leggen de adoptie door hun organisatie vast.");
  }
  if (a.datum.empty()) a.datum = FormatDate(reg_.clock().Now());
  auto problems = std::move(earlier);
  MergeProblems(&problems, Validate(a));
  if (!a.organisatie.empty() && a.organisatie == source.value().organisatie)
    problems.push_back({"organisatie", "een organisatie adopteert haar eigen innovatie niet"});
  if (!a.organisatie.empty() && !reg_.GetOrganisation(a.organisatie).ok())
    problems.push_back({"organisatie", "deze organisatie bestaat niet"});
  if (!problems.empty()) return Rejected(std::move(problems), "De adoptie");
  // A copy of what only the owner's circle may read waits for the owner's
  // consent, unless the one adopting may edit the source (then this is that
  // consent).
  bool copy_now = false;
  if (make_copy) {
    const Innovation& src = source.value();
    copy_now = src.zichtbaarheid == "openbaar" || CanEdit(actor, FactsOf(src));
    a.kopie = copy_now ? "gemaakt" : "gevraagd";
  }
  auto saved = Persist(a, expected_version, copy_now ? &source.value() : nullptr,
                     reg_.Change(actor, "overgenomen van innovatie " + std::to_string(a.bron_id)));
  if (!saved.ok()) return saved.error();
  return Get(saved.value(), actor);
}

Result<int64_t> Adoptions::Persist(Adoption a, int64_t expected_version, const Innovation* copy_of,
                                 const ChangeContext& change) {
  std::optional<Innovation> copy;
  if (copy_of) {
    copy = AdoptedCopy(*copy_of, a.organisatie);
    copy->aangemaakt_door = change.gebruiker_id;
    StampReview(&*copy, nullptr, change.op, false);
    Normalise(&*copy);
    auto copy_problems = Validate(*copy);
    if (!copy_problems.empty())
      return Invalid("De eigen innovatie kan niet uit deze bron worden gemaakt: " + copy_problems.front().field + " " +
                         copy_problems.front().message + ".",
                     {{"maakInnovatie", "de bron past niet in een nieuwe innovatie"}});
  }
  auto id = store_.Write([&](Work& w) -> Result<int64_t> {
    json before = json::object();
    if (a.id != 0) {
      auto old = w.adoptions().Get(a.id);
      if (!old.ok()) return old.error();
      before = AuditJson(old.value());
    }
    if (copy) {
      // The adopter's own innovation, its reuse assets and what the source
      // measures (definitions only: no measurements, baseline or target).
      auto own = w.innovations().Create(*copy, change.op);
      if (!own.ok()) return own.error();
      Status st = w.innovations().AddPhaseChange(own.value(), {copy->fase, copy->status, change.Stamp(), change.door,
                                                               change.reden});
      if (st.ok())
        st = w.audit().Append(AuditFor(change, "aangemaakt", "innovatie", std::to_string(own.value()), copy->organisatie,
                                       InnovationChanges(nullptr, &*copy), own.value()));
      if (!st.ok()) return st.error();
      auto assets = w.adoptions().ListAssets(copy_of->id);
      if (!assets.ok()) return assets.error();
      for (ReuseAsset asset : AdoptedAssets(assets.value())) {
        asset.innovatie_id = own.value();
        auto saved = w.adoptions().SaveAsset(asset, change.op);
        if (!saved.ok()) return saved.error();
      }
      auto indicators = w.indicators().List(copy_of->id);
      if (!indicators.ok()) return indicators.error();
      for (Indicator in : indicators.value()) {
        in.id = 0;
        in.innovatie_id = own.value();
        in.basis_waarde.reset();
        in.basis_datum.clear();
        in.doel_waarde.reset();
        in.doel_datum.clear();
        auto saved = w.indicators().Save(in, 0, change.op);
        if (!saved.ok()) return saved.error();
      }
      a.innovatie_id = own.value();
    }
    int64_t id = a.id;
    if (id == 0) {
      auto created = w.adoptions().Create(a, change.op);
      if (!created.ok()) return created;
      id = created.value();
    } else {
      Status st = w.adoptions().Update(a, expected_version, change.op);
      if (!st.ok()) return st.error();
    }
    Status st = w.adoptions().AddStep(id, {a.status, a.datum, a.notitie, change.door, change.Stamp()});
    if (!st.ok()) return st.error();
    auto after = w.adoptions().Get(id);
    if (!after.ok()) return after.error();
    st = w.audit().Append(AuditFor(change, a.id == 0 ? "aangemaakt" : "gewijzigd", "adoptie", std::to_string(id),
                                   after.value().organisatie, JsonChanges(before, AuditJson(after.value())),
                                   after.value().bron_id));
    if (!st.ok()) return st.error();
    return id;
  });
  if (!id.ok()) return Worded(id.error());
  if (copy) reg_.Absorb();
  return id;
}

Result<AdoptionView> Adoptions::DecideCopy(int64_t id, bool allow, int64_t expected_version, const Actor& actor) {
  auto current = Get(id, actor);
  if (!current.ok()) return current.error();
  Status login = NeedsLogin(actor);
  if (!login.ok()) return login.error();
  Adoption a = current.value().adoptie;
  auto source = reg_.Get(a.bron_id, actor);
  if (!source.ok()) return source.error();
  if (!CanEdit(actor, FactsOf(source.value())))
    return Forbidden("Alleen het team van " + source.value().titel + " geeft toestemming voor een kopie.");
  if (a.kopie != "gevraagd") return Conflict("Voor deze adoptie is geen kopie gevraagd, of er is al over beslist.");
  a.kopie = allow ? "gemaakt" : "geweigerd";
  a.historie.clear();
  auto saved = Persist(a, expected_version, allow ? &source.value() : nullptr,
                     reg_.Change(actor, allow ? "kopie toegestaan" : "kopie geweigerd"));
  if (!saved.ok()) return saved.error();
  return Get(saved.value(), actor);
}

Status Adoptions::Delete(int64_t id, const Actor& actor) {
  auto current = Get(id, actor);
  if (!current.ok()) return current.error();
  Status login = NeedsLogin(actor);
  if (!login.ok()) return login;
  const Adoption& a = current.value().adoptie;
  if (!CanCreateFor(actor, a.organisatie))
    return Forbidden("Alleen leden van " + a.organisatie + " verwijderen deze adoptie.");
  ChangeContext change = reg_.Change(actor);
  Status st = store_.Write([&](Work& w) -> Status {
    Status st = w.adoptions().Delete(id);
    if (!st.ok()) return st;
    return w.audit().Append(AuditFor(change, "verwijderd", "adoptie", std::to_string(id), a.organisatie,
                                     JsonChanges(AuditJson(a), json::object()), a.bron_id));
  });
  if (!st.ok()) return Worded(st.error());
  return Status::Ok();
}

Result<std::vector<ReuseAsset>> Adoptions::Assets(int64_t innovation_id, const Actor& actor) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.error();
  return store_.Read([&](Work& w) { return w.adoptions().ListAssets(innovation_id); });
}

Result<ReuseAsset> Adoptions::SaveAsset(int64_t innovation_id, ReuseAsset asset, const Actor& actor,
                                        std::vector<FieldProblem> earlier) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.error();
  if (actor.Anonymous()) return Error{ErrorKind::kUnauthenticated, "Log in om hergebruik bij te werken.", {}};
  if (!CanEdit(actor, header.value().facts))
    return Forbidden("Alleen het team van deze innovatie werkt haar hergebruik bij.");
  asset.innovatie_id = innovation_id;
  auto problems = std::move(earlier);
  MergeProblems(&problems, Validate(asset));
  if (!problems.empty()) return Rejected(std::move(problems), "Het document");
  ChangeContext change = reg_.Change(actor);
  const std::string org = header.value().facts.organisatie;
  auto saved = store_.Write([&](Work& w) -> Result<ReuseAsset> {
    json before = json::object();
    if (asset.id != 0) {
      auto old = w.adoptions().GetAsset(innovation_id, asset.id);
      if (!old.ok()) return old;
      before = ToJson(old.value());
    }
    auto stored = w.adoptions().SaveAsset(asset, change.op);
    if (!stored.ok()) return stored;
    Status st = w.audit().Append(PartAudit(change, asset.id == 0 ? "aangemaakt" : "gewijzigd", "hergebruik",
                                           std::to_string(stored.value().id), org, innovation_id, before,
                                           ToJson(stored.value())));
    if (!st.ok()) return st.error();
    return stored;
  });
  if (!saved.ok() && saved.error().kind == ErrorKind::kNotFound) return NotFoundError(Missing::kReuseAsset);
  return saved;
}

Status Adoptions::DeleteAsset(int64_t innovation_id, int64_t id, const Actor& actor) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.status();
  if (actor.Anonymous()) return Error{ErrorKind::kUnauthenticated, "Log in om hergebruik bij te werken.", {}};
  if (!CanEdit(actor, header.value().facts))
    return Forbidden("Alleen het team van deze innovatie werkt haar hergebruik bij.");
  ChangeContext change = reg_.Change(actor);
  const std::string org = header.value().facts.organisatie;
  Status st = store_.Write([&](Work& w) -> Status {
    auto old = w.adoptions().GetAsset(innovation_id, id);
    if (!old.ok()) return old.status();
    Status st = w.adoptions().DeleteAsset(innovation_id, id);
    if (!st.ok()) return st;
    return w.audit().Append(PartAudit(change, "verwijderd", "hergebruik", std::to_string(id), org, innovation_id,
                                      ToJson(old.value()), json::object()));
  });
  if (!st.ok() && st.error().kind == ErrorKind::kNotFound) return NotFoundError(Missing::kReuseAsset);
  return st;
}

}  // namespace koers
