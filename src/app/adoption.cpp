#include "app/adoption.hpp"

#include "core/clock.hpp"
#include "core/log.hpp"
#include "domain/checks.hpp"

namespace koers {
namespace {

Error NoSuchAdoption() { return NotFound("Deze adoptie bestaat niet of is niet zichtbaar voor u."); }

Status NeedsLogin(const Actor& actor) {
  if (actor.Anonymous()) return Error{ErrorKind::kUnauthenticated, "Log in om een adoptie vast te leggen.", {}};
  return Status::Ok();
}

}  // namespace

Result<AdoptionView> Adoptions::View(Adoption a, const Actor& actor) {
  auto source = reg_.Get(a.bron_id, actor);
  if (!source.ok()) return NoSuchAdoption();
  const Innovation& s = source.value();
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
  auto bc = reg_.store().GetBusinessCase(s.id);
  if (bc.ok() && bc.value().versie > 0) {
    BusinessCaseTotals t = Totals(bc.value(), 0);
    v.bron.baten_per_jaar = t.baten_per_jaar;
    v.bron.besparing_per_jaar = t.besparing_per_jaar;
  }
  if (a.innovatie_id > 0) {
    auto own = reg_.Get(a.innovatie_id, actor);
    if (own.ok()) {
      v.innovatie_zichtbaar = true;
      v.innovatie_titel = own.value().titel;
    }
  }
  v.adoptie = std::move(a);
  return v;
}

Result<std::vector<AdoptionView>> Adoptions::List(const AdoptionFilter& filter, const Actor& actor) {
  auto all = reg_.store().ListAdoptions(filter);
  if (!all.ok()) return all.error();
  std::vector<AdoptionView> out;
  for (auto& a : all.value()) {
    auto v = View(std::move(a), actor);
    if (v.ok()) out.push_back(std::move(v).value());
  }
  return out;
}

Result<AdoptionView> Adoptions::Get(int64_t id, const Actor& actor) {
  auto a = reg_.store().GetAdoption(id);
  if (!a.ok()) return a.error().kind == ErrorKind::kNotFound ? NoSuchAdoption() : a.error();
  return View(std::move(a).value(), actor);
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
    if (make_copy && current.value().adoptie.innovatie_id > 0)
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
  if (!a.organisatie.empty() && !reg_.store().GetOrganisation(a.organisatie).ok())
    problems.push_back({"organisatie", "deze organisatie bestaat niet"});
  if (!problems.empty())
    return Rejected(std::move(problems), "De adoptie");
  // A copy of what only the owner's circle may read waits for the owner's
  // consent, unless the one adopting may edit the source (then this is that
  // consent).
  std::optional<CopyParts> copy;
  if (make_copy) {
    const Innovation& src = source.value();
    AccessFacts facts = reg_.Header(src.id, actor).value().facts;
    if (src.zichtbaarheid == "openbaar" || CanEdit(actor, facts)) {
      auto parts = MakeCopy(src, a.organisatie);
      if (!parts.ok()) return parts.error();
      copy = std::move(parts).value();
      a.kopie = "gemaakt";
    } else {
      a.kopie = "gevraagd";
    }
  }
  auto saved = reg_.store().SaveAdoption(a, expected_version, copy ? &copy->innovatie : nullptr,
                                         copy ? copy->assets : std::vector<ReuseAsset>{},
                                         copy ? copy->indicators : std::vector<Indicator>{},
                                         reg_.Change(actor, "overgenomen van innovatie " + std::to_string(a.bron_id)));
  if (!saved.ok()) return saved.error();
  if (copy) reg_.Absorb();
  return View(std::move(saved).value(), actor);
}

Result<Adoptions::CopyParts> Adoptions::MakeCopy(const Innovation& source, const std::string& organisatie) {
  CopyParts parts;
  parts.innovatie = AdoptedCopy(source, organisatie);
  Normalise(&parts.innovatie);
  auto copy_problems = Validate(parts.innovatie);
  if (!copy_problems.empty())
    return Invalid("De eigen innovatie kan niet uit deze bron worden gemaakt: " + copy_problems.front().field + " " +
                       copy_problems.front().message + ".",
                   {{"maakInnovatie", "de bron past niet in een nieuwe innovatie"}});
  auto listed = reg_.store().ListReuseAssets(source.id);
  if (!listed.ok()) return listed.error();
  parts.assets = AdoptedAssets(listed.value());
  // What the source measures, so the adopter can compare: the definitions
  // without the source's measurements or its baseline and target.
  auto measured = reg_.store().ListIndicators(source.id);
  if (!measured.ok()) return measured.error();
  for (Indicator in : measured.value()) {
    in.id = 0;
    in.basis_waarde.reset();
    in.basis_datum.clear();
    in.doel_waarde.reset();
    in.doel_datum.clear();
    parts.indicators.push_back(std::move(in));
  }
  return parts;
}

Result<AdoptionView> Adoptions::DecideCopy(int64_t id, bool allow, int64_t expected_version, const Actor& actor) {
  auto current = Get(id, actor);
  if (!current.ok()) return current.error();
  Status login = NeedsLogin(actor);
  if (!login.ok()) return login.error();
  Adoption a = current.value().adoptie;
  auto source = reg_.Get(a.bron_id, actor);
  if (!source.ok()) return source.error();
  if (!CanEdit(actor, reg_.Header(a.bron_id, actor).value().facts))
    return Forbidden("Alleen het team van " + source.value().titel + " geeft toestemming voor een kopie.");
  if (a.kopie != "gevraagd") return Conflict("Voor deze adoptie is geen kopie gevraagd, of er is al over beslist.");
  std::optional<CopyParts> copy;
  if (allow) {
    auto parts = MakeCopy(source.value(), a.organisatie);
    if (!parts.ok()) return parts.error();
    copy = std::move(parts).value();
  }
  a.kopie = allow ? "gemaakt" : "geweigerd";
  a.historie.clear();
  auto saved = reg_.store().SaveAdoption(a, expected_version, copy ? &copy->innovatie : nullptr,
                                         copy ? copy->assets : std::vector<ReuseAsset>{},
                                         copy ? copy->indicators : std::vector<Indicator>{},
                                         reg_.Change(actor, allow ? "kopie toegestaan" : "kopie geweigerd"));
  if (!saved.ok()) return saved.error();
  if (copy) reg_.Absorb();
  return View(std::move(saved).value(), actor);
}

Status Adoptions::Delete(int64_t id, const Actor& actor) {
  auto current = Get(id, actor);
  if (!current.ok()) return current.error();
  Status login = NeedsLogin(actor);
  if (!login.ok()) return login;
  if (!CanCreateFor(actor, current.value().adoptie.organisatie))
    return Forbidden("Alleen leden van " + current.value().adoptie.organisatie + " verwijderen deze adoptie.");
  return reg_.store().DeleteAdoption(id, reg_.Change(actor, ""));
}

Result<std::vector<ReuseAsset>> Adoptions::Assets(int64_t innovation_id, const Actor& actor) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.error();
  return reg_.store().ListReuseAssets(innovation_id);
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
  if (!problems.empty())
    return Rejected(std::move(problems), "Het document");
  return reg_.store().SaveReuseAsset(asset, reg_.Change(actor, ""));
}

Status Adoptions::DeleteAsset(int64_t innovation_id, int64_t id, const Actor& actor) {
  auto header = reg_.Header(innovation_id, actor);
  if (!header.ok()) return header.status();
  if (actor.Anonymous()) return Error{ErrorKind::kUnauthenticated, "Log in om hergebruik bij te werken.", {}};
  if (!CanEdit(actor, header.value().facts))
    return Forbidden("Alleen het team van deze innovatie werkt haar hergebruik bij.");
  return reg_.store().DeleteReuseAsset(innovation_id, id, reg_.Change(actor, ""));
}

}  // namespace koers
