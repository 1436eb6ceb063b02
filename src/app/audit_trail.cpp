#include "app/audit_trail.hpp"

#include <algorithm>
#include <unordered_map>

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
