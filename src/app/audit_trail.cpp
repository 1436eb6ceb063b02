#include "app/audit_trail.hpp"

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
  // entry: its values are shown only to who may read the innovation's
  // team-only records.
  struct Readable {
    bool innovation = false, team_only = false;
  };
  std::unordered_map<int64_t, Readable> readable;
  for (auto& e : entries.value().items) {
    AuditView v{std::move(e), false};
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
      if (!it->second.innovation || (v.entry.resource == "les" && !it->second.team_only)) {
        v.afgeschermd = true;
        v.entry.wijzigingen = "{}";
      }
    }
    out.items.push_back(std::move(v));
  }
  return out;
}

}  // namespace koers
