// Networks: who develops an innovation together (the inner circle: the owner
// and its partners, some with edit rights agreed with the owner), who
// watches it to become ready to adopt (the outer circle: adoptions with
// status buitenkring) and who takes it over; for one innovation, for the
// members of a cluster and for one organisation. Computed only from what
// the viewer may read: an innovation the viewer cannot read adds nothing,
// and neither do its partners or its adoptions.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/adoption.hpp"
#include "app/register.hpp"

namespace koers {

// One organisation's tie to one innovation.
struct NetworkTie {
  int64_t innovatie_id = 0;
  std::string titel;
  // eigenaar or partner (inner circle), or the adoption's status.
  std::string relatie;
  bool bewerkrecht = false;  // a partner that may edit
  std::string sinds;         // the adoption's date
  int64_t adoptie_id = 0;
};

// An organisation with its ties, in order of innovation.
struct NetworkParty {
  std::string organisatie, naam;
  std::vector<NetworkTie> banden;
};

// Around one innovation or the members of a cluster; parties by name.
struct Network {
  std::vector<NetworkParty> binnenkring;  // owners and partners
  std::vector<NetworkParty> buitenkring;  // watching: adoptions with status buitenkring
  std::vector<NetworkParty> overnemers;   // adopting, using, or stopped using it
};

// Around one organisation; parties by name, the organisation itself left out.
struct OrganisationNetwork {
  Organisation organisatie;
  // Partners in its innovations, and owners of innovations it is partner in.
  std::vector<NetworkParty> ontwikkelt_samen_met;
  // Owners of innovations it adopts or watches (ties: the source innovations).
  std::vector<NetworkParty> neemt_over_van;
  // Organisations that adopt or watch its innovations (ties: its innovations).
  std::vector<NetworkParty> wordt_overgenomen_door;
};

class Networks {
 public:
  // Borrows both. Thread-safe.
  Networks(Register& reg, Adoptions& adoptions) : reg_(reg), adoptions_(adoptions) {}

  // kNotFound when `actor` may not read the innovation.
  Result<Network> OfInnovation(int64_t id, const Actor& actor);
  // Of the innovations `ids` that `actor` may read (a cluster's members).
  Result<Network> OfInnovations(const std::vector<int64_t>& ids, const Actor& actor);
  // kNotFound for an unknown organisation.
  Result<OrganisationNetwork> OfOrganisation(const std::string& code, const Actor& actor);

 private:
  Result<Network> Around(const std::vector<Innovation>& readable, const Actor& actor);
  Result<std::map<std::string, std::string>> Names();  // organisation names by code
  Register& reg_;
  Adoptions& adoptions_;
};

}  // namespace koers
