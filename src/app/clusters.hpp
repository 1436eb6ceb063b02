// Adoption clusters: innovations that are the same product or solution used
// by different organisations (dozens of municipalities registered the same
// anonymisation tool, the same virtual assistant, ...), grouped
// automatically by near-identical descriptions and titles.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/register.hpp"

namespace koers {

struct ClusterMember {
  int64_t innovatie_id = 0;
  std::string titel;
  std::string organisatie;
  std::string organisatie_naam;
  bool openbaar = false;  // everyone may read it
  std::string gevouwen_titel;  // the title without accents, lower case (for matching)
};

struct Cluster {
  std::string id;  // "c" + the smallest id of its public members (of all, when none is public)
  std::vector<ClusterMember> leden;  // in order of id
  // Whether everyone may read every member; then the members anyone sees
  // are `leden`, spanning `organisaties` organisations.
  bool alle_openbaar = false;
  size_t organisaties = 0;
  // Unique among all clusters, made of public titles; empty when no member
  // is public (then the name comes from what the viewer may read).
  std::string naam;
};

// The most common title among `members` (ties: the alphabetically first).
std::string ClusterName(const std::vector<ClusterMember>& members);
// Number of distinct organisations among `members`.
size_t OrganisationCount(const std::vector<ClusterMember>& members);

// How two descriptions are compared (exposed for tests).
double ShingleSimilarity(const std::string& a, const std::string& b);

// Groups `texts` (title and description per item) into clusters of items
// whose texts are near-identical, or whose titles agree and texts are alike.
// Returns groups of indices into `texts`, each of at least two items.
std::vector<std::vector<size_t>> GroupSimilar(const std::vector<std::pair<std::string, std::string>>& texts);

class Clusters {
 public:
  // Borrows both. Thread-safe. `dictionary`: a hunspell .dic (its word
  // list) for recognising product names; without it texts alone decide.
  // `replica` names this process when several share one database: each
  // keeps its own position in the change feed (the stored pairs are shared).
  Clusters(Store& store, Register& reg, std::string dictionary = {}, std::string replica = {});
  ~Clusters();
  // Clusters over all innovations; each spans at least two organisations.
  // Not filtered: see Visible. The similar pairs live in the store
  // (ClusterStore) and follow the change feed: after a change only the
  // changed innovations are compared again; a first start with an empty
  // pair table compares everything once.
  Result<std::shared_ptr<const std::vector<Cluster>>> All();
  // The members of `c` that `actor` may read. A cluster is only shown when
  // its visible members span at least two organisations.
  std::vector<ClusterMember> Visible(const Cluster& c, const Actor& actor);
  // The cluster with `id` among `all` (what All returned), or nullptr.
  static const Cluster* Find(const std::vector<Cluster>& all, const std::string& id);
  // The cluster `id` as `actor` sees it: kNotFound when there is none or
  // when its visible members span fewer than two organisations.
  struct Opened {
    std::shared_ptr<const std::vector<Cluster>> all;  // keeps `cluster` alive
    const Cluster* cluster = nullptr;
    std::vector<ClusterMember> zichtbaar;  // its members `actor` may read
  };
  Result<Opened> Open(const std::string& id, const Actor& actor);

 private:
  struct State;
  Status CatchUp();
  Status LoadProductWords(State& state);
  std::vector<ClusterMember> ProductTitles(const std::vector<ClusterMember>& members);
  Store& store_;
  Register& reg_;
  std::string dictionary_;
  std::string consumer_;  // this process's position in the feed
  std::mutex mutex_;
  int64_t counter_ = -1;
  std::unique_ptr<State> state_;
  std::shared_ptr<const std::vector<Cluster>> clusters_;
};

}  // namespace koers
