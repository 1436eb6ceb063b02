#include "app/audit_trail.hpp"

#include <algorithm>
#include <unordered_map>

#include "domain/access.hpp"
#include "domain/innovation_json.hpp"

namespace koers {

Result<Listing<AuditView>> AuditTrail::List(AuditFilter filter, const PageRequest& page, const Actor& actor) {
  if (actor.Anonymous()) return Error{ErrorKind::kUnauthenticated, "Log in om verder te gaan.", {}};
  if (!ManagesSomething(actor)) return Forbidden("Alleen beheerders lezen het auditspoor.");
  filter.alles = actor.Everything();
  filter.organisaties.clear();
  for (const auto& g : actor.rollen)
    if (g.rol == rol::kBeheerder) filter.organisaties.push_back(g.organisatie);
  auto entries = store_.Read([&](Work& w) { return w.audit().List(filter, page); });
  if (!entries.ok()) return entries.error();
  Listing<AuditView> out;
  out.totaal = entries.value().totaal;
  // One access check per innovation on the page; an innovation that is gone
  // has no readers left but the landelijk beheerder.
  // A lesson has a visibility of its own, which may have changed since the
  // entry, and invitations of critical friends with their comments are the
  // team's: their values are shown only to who may read the innovation's
  // team-only records.
  struct Readable {
    bool innovation = false, team_only = false;
  };
  std::unordered_map<int64_t, Readable> readable;
  // Who acted is shown by account only to who manages that account (or
  // everything); a person of another organisation (a critical friend, an
  // adopting municipality) by name.
  std::unordered_map<int64_t, std::string> foreign;
  if (!actor.Everything()) {
    Status st = store_.Read([&](Work& w) -> Status {
      for (const auto& e : entries.value().items) {
        if (e.gebruiker_id <= 0 || foreign.count(e.gebruiker_id)) continue;
        auto user = w.accounts().GetUser(e.gebruiker_id);
        if (!user.ok()) {
          foreign[e.gebruiker_id] = "Medewerker " + std::to_string(e.gebruiker_id);
          continue;
        }
        const bool managed = std::any_of(user.value().rollen.begin(), user.value().rollen.end(), [&](const RoleGrant& g) {
          return std::find(filter.organisaties.begin(), filter.organisaties.end(), g.organisatie) != filter.organisaties.end();
        });
        foreign[e.gebruiker_id] = managed ? "" : DisplayName(user.value());
      }
      return Status::Ok();
    });
    if (!st.ok()) return st.error();
  }
  for (auto& e : entries.value().items) {
    AuditView v{std::move(e), false};
    if (auto f = foreign.find(v.entry.gebruiker_id); f != foreign.end() && !f->second.empty()) v.entry.gebruiker = f->second;
    if (v.entry.innovatie_id > 0 && !actor.Everything()) {
      auto [it, added] = readable.try_emplace(v.entry.innovatie_id);
      if (added) {
        auto header = reg_.Header(v.entry.innovatie_id, actor);
        it->second.innovation = header.ok();
        if (header.ok()) {
          AccessFacts narrowest = header.value().facts;
          narrowest.zichtbaarheid = "team";
          it->second.team_only = CanRead(actor, narrowest);
        }
      }
      if (!it->second.innovation || (!it->second.team_only && (v.entry.resource == "les" || v.entry.resource == "uitnodiging" ||
                                                             v.entry.resource == "commentaar"))) {
        v.afgeschermd = true;
        v.entry.wijzigingen = "{}";
      }
    }
    out.items.push_back(std::move(v));
  }
  return out;
}

}  // namespace koers

namespace koers {
namespace {

// The access facts of a removed innovation, from the values its removal
// recorded; no team or creator, so only the wider rules apply.
AccessFacts FactsOfRemoved(const nlohmann::json& changes) {
  nlohmann::json last = nlohmann::json::object();
  for (const auto& [field, change] : changes.items())
    if (change.is_object() && change.contains("oud")) last[field] = change["oud"];
  Innovation in;
  FromJson(last, &in);
  in.team.clear();
  in.aangemaakt_door = 0;
  return FactsOf(in);
}

// Drops the accounts linked to team members from a change.
void HideAccounts(nlohmann::json* changes) {
  auto it = changes->find("team");
  if (it == changes->end() || !it->is_object()) return;
  for (const char* side : {"oud", "nieuw"})
    if (auto members = it->find(side); members != it->end()) HideTeamAccounts(&*members);
}

}  // namespace

Result<Listing<Version>> AuditTrail::History(int64_t id, const PageRequest& page, const Actor& actor) {
  AuditFilter filter;
  filter.alles = true;
  filter.resource = "innovatie";
  filter.resource_id = std::to_string(id);
  filter.resultaat = "gelukt";
  bool insider = false;
  auto header = reg_.Header(id, actor);
  if (header.ok()) {
    insider = IsInsider(actor, header.value().facts);
  } else if (header.error().kind != ErrorKind::kNotFound) {
    return header.error();
  } else {
    // Gone, or never readable: only a removal that `actor` could have read
    // opens the history.
    auto newest = store_.Read([&](Work& w) { return w.audit().List(filter, PageRequest{1, 1}); });
    if (!newest.ok()) return newest.error();
    const auto& items = newest.value().items;
    if (items.empty() || items[0].actie != "verwijderd") return header.error();
    auto changes = nlohmann::json::parse(items[0].wijzigingen, nullptr, false);
    AccessFacts facts = FactsOfRemoved(changes.is_discarded() ? nlohmann::json::object() : changes);
    if (!CanRead(actor, facts)) return header.error();
    insider = IsInsider(actor, facts);
  }

  auto entries = store_.Read([&](Work& w) { return w.audit().List(filter, page); });
  if (!entries.ok()) return entries.error();
  std::unordered_map<int64_t, std::string> names;
  Status st = store_.Read([&](Work& w) -> Status {
    for (const auto& e : entries.value().items) {
      if (e.gebruiker_id <= 0 || names.count(e.gebruiker_id)) continue;
      auto user = w.accounts().GetUser(e.gebruiker_id);
      names[e.gebruiker_id] = user.ok() ? DisplayName(user.value()) : "Medewerker " + std::to_string(e.gebruiker_id);
    }
    return Status::Ok();
  });
  if (!st.ok()) return st.error();

  Listing<Version> out;
  out.totaal = entries.value().totaal;
  int64_t nummer = out.totaal - static_cast<int64_t>(page.pagina - 1) * page.pagina_grootte;
  for (const auto& e : entries.value().items) {
    Version v;
    v.nummer = nummer--;
    v.op = e.op;
    v.actie = e.actie;
    if (e.gebruiker_id > 0) {
      v.door = names[e.gebruiker_id];
    } else {
      v.door = LooksLikeEmail(e.gebruiker) ? "Medewerker" : e.gebruiker;
    }
    v.wijzigingen = nlohmann::json::parse(e.wijzigingen, nullptr, false);
    if (v.wijzigingen.is_discarded()) v.wijzigingen = nlohmann::json::object();
    if (!insider) HideAccounts(&v.wijzigingen);
    out.items.push_back(std::move(v));
  }
  return out;
}

}  // namespace koers
