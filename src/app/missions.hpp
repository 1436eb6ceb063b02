// Missions: shared, measurable goals (domain/mission.hpp) with the
// innovations that contribute to them. A concept mission is read by its
// owners only, a published one by everyone; unknown and unreadable answer
// alike. Lid and beheerder of an owning organisation change it. Anyone
// signed in who may read an innovation proposes it; it counts once whoever
// may edit the innovation agreed (at once when that is who proposed it).
// A contribution is shown only to who may read its innovation, a pending or
// refused one only to the mission's and the innovation's editors, and the
// portfolio counts only agreed contributions the viewer may read. Every
// change is audited.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/register.hpp"
#include "domain/mission.hpp"

namespace koers {

struct ContributionView {
  MissionContribution bijdrage;
  Innovation innovatie;  // readable by the viewer
  bool beslisbaar = false;  // the viewer may agree or refuse for the innovation's owner
};

struct CountedOrganisation {
  std::string code, naam;
  int aantal = 0;
};

struct MissionView {
  Mission missie;
  std::vector<std::pair<std::string, std::string>> eigenaren;  // code, name
  std::vector<ContributionView> bijdragen;
  // The portfolio: agreed contributions the viewer may read.
  int aantal = 0;
  std::map<std::string, int> per_fase;
  std::vector<CountedOrganisation> organisaties;  // owners of the contributions, by name
  std::vector<CountedOrganisation> gemeenten;     // those of them that are municipalities
  bool wijzigbaar = false;
};

struct MissionSearch {
  std::string text;    // in title, statement and partners' names
  std::string status;  // concept | gepubliceerd | "" for both
  PageRequest page;
};

class Missions {
 public:
  // Borrows both. Thread-safe.
  Missions(Store& store, Register& reg) : store_(store), reg_(reg) {}

  Result<Listing<MissionView>> List(const MissionSearch& search, const Actor& actor);
  Result<MissionView> Get(int64_t id, const Actor& actor);
  Result<MissionView> Create(Mission m, const Actor& actor, std::vector<FieldProblem> earlier = {});
  Result<MissionView> Replace(int64_t id, Mission m, int64_t expected_version, const Actor& actor,
                              std::vector<FieldProblem> earlier = {});
  Status Delete(int64_t id, const Actor& actor);

  Result<MissionView> Propose(int64_t id, int64_t innovation_id, std::string toelichting, const Actor& actor);
  // `status`: ingestemd or afgewezen.
  Result<MissionView> Decide(int64_t id, int64_t innovation_id, const std::string& status, const Actor& actor);
  Status Withdraw(int64_t id, int64_t innovation_id, const Actor& actor);

 private:
  Result<Mission> Readable(int64_t id, const Actor& actor);
  Result<std::vector<MissionView>> Views(std::vector<Mission> missions, const Actor& actor);
  std::vector<FieldProblem> CheckOwners(const Mission& m);
  // Stores `m` (its contributions as they are) and audits the change.
  Result<Mission> Save(const Mission& m, int64_t expected_version, const Actor& actor, const char* actie);
  // Puts `after` in place of `before` (either may be null) and audits it.
  Status SaveContribution(int64_t id, const MissionContribution* before, const MissionContribution* after,
                          const Innovation& in, const Actor& actor, const char* actie);
  Store& store_;
  Register& reg_;
};

}  // namespace koers
