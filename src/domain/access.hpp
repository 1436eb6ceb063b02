// Who may do what: the actor behind a request and the permission rules, as
// pure functions that the app layer applies to every request and object.
// The rules, in short (docs/access.md has the full table):
// - openbaar innovations: everyone reads; organisatie: anyone with a role in
//   the owning or a partner organisation, plus team members; team: team
//   members and the creator. The landelijk beheerder reads everything.
// - lid (and beheerder) of the owning organisation, and the projectleider
//   of the innovation, edit it; so do lid and beheerder of a partner the
//   owner gave edit rights (the inner circle), except who is in that circle
//   and who may read (CanEditCircle); beheerder of the owner deletes it.
// - stuurgroep of the owning organisation takes gate decisions.
// - beheerder manages the users and roles of the organisation.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace koers {

// Role names (vocab::kGebruikersRol holds them with labels).
namespace rol {
inline constexpr const char* kLezer = "lezer";
inline constexpr const char* kLid = "lid";
inline constexpr const char* kStuurgroep = "stuurgroep";
inline constexpr const char* kBeheerder = "beheerder";
}  // namespace rol

struct RoleGrant {
  int64_t id = 0;
  std::string organisatie;  // organisation code
  std::string rol;
  bool operator==(const RoleGrant&) const = default;
};

// The one acting: a signed-in user, an API token's owner, an anonymous
// visitor, or the system itself (command line, import).
struct Actor {
  int64_t gebruiker_id = 0;  // 0 for anonymous and system
  std::string naam = "anoniem";  // the account for the audit trail: e-mail or "import"
  // How history shows this actor to everyone: the person's name, never an
  // e-mail address ("Medewerker 12" when the account has no name).
  std::string weergavenaam = "anoniem";
  bool systeem = false;
  bool landelijk_beheerder = false;
  std::vector<RoleGrant> rollen;
  std::string verzoek_id;  // request id, for the audit trail

  static Actor System(std::string naam) {
    Actor a;
    a.naam = std::move(naam);
    a.weergavenaam = a.naam;
    a.systeem = true;
    return a;
  }
  bool Anonymous() const { return gebruiker_id == 0 && !systeem; }
  bool Everything() const { return systeem || landelijk_beheerder; }
  bool HasRole(const std::string& org, const char* role) const;
  bool HasAnyRole(const std::string& org) const;
};

// What the rules need to know of one innovation.
struct AccessFacts {
  std::string organisatie;
  std::vector<std::string> partners;
  std::vector<std::string> partners_met_bewerkrecht;  // a subset of partners
  std::string zichtbaarheid;
  std::vector<int64_t> team;            // users linked to team members
  std::vector<int64_t> projectleiders;  // of those, the ones with role projectleider
  int64_t aangemaakt_door = 0;
};

bool CanRead(const Actor& a, const AccessFacts& f);
// Is `a` inside the innovation's circle: a role in the owning or a partner
// organisation, on the team, or the landelijk beheerder? Only insiders see
// which accounts are on the team (their e-mail addresses).
bool IsInsider(const Actor& a, const AccessFacts& f);
bool CanEdit(const Actor& a, const AccessFacts& f);
// May `a` change the circle itself: the owner, the partners and their edit
// rights, and the visibility? Only the owner's side: an edit right agreed
// with a partner does not let the partner widen or narrow the circle.
bool CanEditCircle(const Actor& a, const AccessFacts& f);
bool CanDelete(const Actor& a, const AccessFacts& f);
bool CanDecide(const Actor& a, const AccessFacts& f);
// May `a` register an innovation owned by `org`?
bool CanCreateFor(const Actor& a, const std::string& org);
// May `a` manage users and roles of `org`?
bool CanManage(const Actor& a, const std::string& org);
// May `a` manage anything at all (some organisation)?
bool ManagesSomething(const Actor& a);

}  // namespace koers
