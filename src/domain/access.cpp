#include "domain/access.hpp"

#include <algorithm>

namespace koers {
namespace {
bool Contains(const std::vector<int64_t>& ids, int64_t id) {
  return id != 0 && std::find(ids.begin(), ids.end(), id) != ids.end();
}
}  // namespace

bool Actor::HasRole(const std::string& org, const char* role) const {
  for (const auto& g : rollen)
    if (g.organisatie == org && g.rol == role) return true;
  return false;
}

bool Actor::HasAnyRole(const std::string& org) const {
  for (const auto& g : rollen)
    if (g.organisatie == org) return true;
  return false;
}

bool CanRead(const Actor& a, const AccessFacts& f) {
  if (f.zichtbaarheid == "openbaar" || a.Everything()) return true;
  if (a.Anonymous()) return false;
  if (Contains(f.team, a.gebruiker_id) || (f.aangemaakt_door != 0 && f.aangemaakt_door == a.gebruiker_id)) return true;
  if (f.zichtbaarheid != "organisatie") return false;
  if (a.HasAnyRole(f.organisatie)) return true;
  for (const auto& p : f.partners)
    if (a.HasAnyRole(p)) return true;
  return false;
}

bool IsInsider(const Actor& a, const AccessFacts& f) {
  if (a.Everything()) return true;
  if (a.Anonymous()) return false;
  if (Contains(f.team, a.gebruiker_id) || (f.aangemaakt_door != 0 && f.aangemaakt_door == a.gebruiker_id)) return true;
  if (a.HasAnyRole(f.organisatie)) return true;
  for (const auto& p : f.partners)
    if (a.HasAnyRole(p)) return true;
  return false;
}

bool CanEditCircle(const Actor& a, const AccessFacts& f) {
  if (a.Everything()) return true;
  if (a.Anonymous() || !CanRead(a, f)) return false;
  return a.HasRole(f.organisatie, rol::kLid) || a.HasRole(f.organisatie, rol::kBeheerder) ||
         Contains(f.projectleiders, a.gebruiker_id);
}

bool CanEdit(const Actor& a, const AccessFacts& f) {
  if (CanEditCircle(a, f)) return true;
  if (a.Anonymous() || !CanRead(a, f)) return false;
  for (const auto& p : f.partners_met_bewerkrecht)
    if (a.HasRole(p, rol::kLid) || a.HasRole(p, rol::kBeheerder)) return true;
  return false;
}

bool CanDelete(const Actor& a, const AccessFacts& f) {
  if (a.Everything()) return true;
  return !a.Anonymous() && CanRead(a, f) && a.HasRole(f.organisatie, rol::kBeheerder);
}

bool CanDecide(const Actor& a, const AccessFacts& f) {
  if (a.systeem) return true;
  return !a.Anonymous() && CanRead(a, f) && a.HasRole(f.organisatie, rol::kStuurgroep);
}

bool CanCreateFor(const Actor& a, const std::string& org) {
  if (a.Everything()) return true;
  return !a.Anonymous() && (a.HasRole(org, rol::kLid) || a.HasRole(org, rol::kBeheerder));
}

bool CanManage(const Actor& a, const std::string& org) {
  if (a.Everything()) return true;
  return !a.Anonymous() && a.HasRole(org, rol::kBeheerder);
}

bool ManagesSomething(const Actor& a) {
  if (a.Everything()) return true;
  for (const auto& g : a.rollen)
    if (g.rol == rol::kBeheerder) return true;
  return false;
}

}  // namespace koers
