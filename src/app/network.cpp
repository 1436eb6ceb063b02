#include "app/network.hpp"

#include <algorithm>
#include <map>


namespace koers {
namespace {

constexpr size_t kBatch = 500;

// Parties gathered by organisation code, then sorted by name.
class Gathering {
 public:
  explicit Gathering(const std::map<std::string, std::string>& names) : names_(names) {}

  void Add(const std::string& org, NetworkTie tie) {
    auto& party = parties_[org];
    if (party.organisatie.empty()) {
      party.organisatie = org;
      auto name = names_.find(org);
      party.naam = name == names_.end() ? org : name->second;
    }
    party.banden.push_back(std::move(tie));
  }

  std::vector<NetworkParty> Take() {
    std::vector<NetworkParty> out;
    for (auto& [code, party] : parties_) {
      std::sort(party.banden.begin(), party.banden.end(),
                [](const NetworkTie& a, const NetworkTie& b) { return a.innovatie_id < b.innovatie_id; });
      out.push_back(std::move(party));
    }
    std::sort(out.begin(), out.end(), [](const NetworkParty& a, const NetworkParty& b) {
      return a.naam != b.naam ? a.naam < b.naam : a.organisatie < b.organisatie;
    });
    return out;
  }

 private:
  const std::map<std::string, std::string>& names_;
  std::map<std::string, NetworkParty> parties_;
};

NetworkTie TieTo(const Innovation& in, std::string relatie) {
  NetworkTie t;
  t.innovatie_id = in.id;
  t.titel = in.titel;
  t.relatie = std::move(relatie);
  return t;
}

NetworkTie TieOf(const AdoptionView& a, int64_t innovatie_id, std::string titel) {
  NetworkTie t;
  t.innovatie_id = innovatie_id;
  t.titel = std::move(titel);
  t.relatie = a.adoptie.status;
  t.sinds = a.adoptie.datum;
  t.adoptie_id = a.adoptie.id;
  return t;
}

NetworkTie PartnerTie(const Innovation& in, const std::string& partner) {
  NetworkTie t = TieTo(in, "partner");
  const auto& rights = in.partners_met_bewerkrecht;
  t.bewerkrecht = std::find(rights.begin(), rights.end(), partner) != rights.end();
  return t;
}

bool Watching(const AdoptionView& a) { return a.adoptie.status == "buitenkring"; }

}  // namespace

Result<std::map<std::string, std::string>> Networks::Names() {
  auto orgs = reg_.AllOrganisations();
  if (!orgs.ok()) return orgs.error();
  std::map<std::string, std::string> names;
  for (const auto& o : orgs.value()) names[o.code] = o.naam;
  return names;
}

Result<Network> Networks::OfInnovation(int64_t id, const Actor& actor) {
  auto in = reg_.Get(id, actor);
  if (!in.ok()) return in.error();
  return Around({std::move(in).value()}, actor);
}

Result<Network> Networks::OfInnovations(const std::vector<int64_t>& ids, const Actor& actor) {
  auto readable = reg_.GetMany(ids, actor);
  if (!readable.ok()) return readable.error();
  return Around(readable.value(), actor);
}

Result<Network> Networks::Around(const std::vector<Innovation>& readable, const Actor& actor) {
  auto names = Names();
  if (!names.ok()) return names.error();
  Gathering inner(names.value()), outer(names.value()), adopting(names.value());
  AdoptionFilter of;
  std::map<int64_t, const Innovation*> by_id;
  for (const auto& in : readable) {
    by_id[in.id] = &in;
    of.bronnen.push_back(in.id);
    inner.Add(in.organisatie, TieTo(in, "eigenaar"));
    for (const auto& p : in.partners) inner.Add(p, PartnerTie(in, p));
  }
  Network net;
  if (!readable.empty()) {
    auto adoptions = adoptions_.List(of, actor);
    if (!adoptions.ok()) return adoptions.error();
    for (const auto& a : adoptions.value()) {
      auto source = by_id.find(a.adoptie.bron_id);
      if (source == by_id.end()) continue;
      (Watching(a) ? outer : adopting).Add(a.adoptie.organisatie, TieOf(a, source->first, source->second->titel));
    }
  }
  net.binnenkring = inner.Take();
  net.buitenkring = outer.Take();
  net.overnemers = adopting.Take();
  return net;
}

Result<OrganisationNetwork> Networks::OfOrganisation(const std::string& code, const Actor& actor) {
  auto org = reg_.GetOrganisation(code);
  if (!org.ok()) return org.error();
  auto names = Names();
  if (!names.ok()) return names.error();
  Gathering together(names.value()), from(names.value()), by(names.value());

  // Its own innovations with their partners: ids by scan, then the
  // partners in batches.
  InnovationFilter own;
  own.organisatie = code;
  own.sorteer = "id";
  std::vector<int64_t> ids;
  Status st = reg_.Each(own, actor, [&](const Innovation& in) {
    ids.push_back(in.id);
    return true;
  });
  if (!st.ok()) return st.error();
  for (size_t from_i = 0; from_i < ids.size(); from_i += kBatch) {
    std::vector<int64_t> slice(ids.begin() + from_i, ids.begin() + std::min(ids.size(), from_i + kBatch));
    auto batch = reg_.GetMany(slice, actor);
    if (!batch.ok()) return batch.error();
    for (const auto& in : batch.value())
      for (const auto& p : in.partners) together.Add(p, PartnerTie(in, p));
  }
  // Innovations of others it is a partner in.
  InnovationFilter partnered;
  partnered.partner = code;
  partnered.sorteer = "id";
  st = reg_.Each(partnered, actor, [&](const Innovation& in) {
    together.Add(in.organisatie, TieTo(in, "eigenaar"));
    return true;
  });
  if (!st.ok()) return st.error();

  // What it adopts or watches; only sources the actor may read are listed.
  AdoptionFilter adopter;
  adopter.organisatie = code;
  auto adopted = adoptions_.List(adopter, actor);
  if (!adopted.ok()) return adopted.error();
  for (const auto& a : adopted.value())
    if (a.bron.organisatie != code) from.Add(a.bron.organisatie, TieOf(a, a.bron.id, a.bron.titel));

  // Who adopts or watches its innovations: only those the actor may read.
  AdoptionFilter owner;
  owner.bron_organisatie = code;
  auto adopting = adoptions_.List(owner, actor);
  if (!adopting.ok()) return adopting.error();
  for (const auto& a : adopting.value())
    if (a.adoptie.organisatie != code) by.Add(a.adoptie.organisatie, TieOf(a, a.bron.id, a.bron.titel));

  OrganisationNetwork net;
  net.organisatie = std::move(org).value();
  net.ontwikkelt_samen_met = together.Take();
  net.neemt_over_van = from.Take();
  net.wordt_overgenomen_door = by.Take();
  return net;
}

}  // namespace koers
