// Adoption of innovations by other organisations (with the dated steps of
// each) and the reuse assets an innovation offers.
//
// Contract: as innovation_store.hpp; kConflict when an organisation already
// has an adoption of the same innovation.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/status.hpp"
#include "domain/adoption.hpp"

namespace koers {

struct AdoptionFilter {
  int64_t bron_id = 0;                   // adoptions of this innovation; 0: any
  std::vector<int64_t> bronnen;          // or of any of these
  std::string organisatie;               // by this organisation; empty: any
  int64_t innovatie_id = 0;              // that link this adopter's innovation; 0: any
  std::string bron_organisatie;          // of innovations owned by this organisation; empty: any
};

class AdoptionStore {
 public:
  virtual ~AdoptionStore() = default;
  // Newest first, each with its steps (oldest first).
  virtual Result<std::vector<Adoption>> List(const AdoptionFilter& filter) = 0;
  virtual Result<Adoption> Get(int64_t id) = 0;
  // A new adoption (without steps); returns its id.
  virtual Result<int64_t> Create(const Adoption& a, TimePoint now) = 0;
  // Saves status, datum, notitie, innovatie_id and kopie.
  virtual Status Update(const Adoption& a, int64_t expected_version, TimePoint now) = 0;
  virtual Status AddStep(int64_t adoption_id, const AdoptionStep& step) = 0;
  virtual Status Delete(int64_t id) = 0;

  // By kind, then creation.
  virtual Result<std::vector<ReuseAsset>> ListAssets(int64_t innovation_id) = 0;
  virtual Result<ReuseAsset> GetAsset(int64_t innovation_id, int64_t id) = 0;
  // Inserts (id 0) or updates one asset; returns it as stored.
  virtual Result<ReuseAsset> SaveAsset(const ReuseAsset& asset, TimePoint now) = 0;
  virtual Status DeleteAsset(int64_t innovation_id, int64_t id) = 0;
};

// The links behind the adoption clusters (app/clusters.hpp): pairs of
// innovations whose descriptions are near-identical, enough of them to
// connect each cluster. Kept so that a restart needs no comparison of every
// innovation with every other; removed with either innovation.
class ClusterStore {
 public:
  virtual ~ClusterStore() = default;
  // Every pair, each once with a < b.
  virtual Result<std::vector<std::pair<int64_t, int64_t>>> Pairs() = 0;
  // The pairs that touch any of `of` become exactly `pairs` (pairs with an
  // id that no longer exists are skipped).
  virtual Status Replace(const std::vector<int64_t>& of, const std::vector<std::pair<int64_t, int64_t>>& pairs) = 0;
  // Replaces all pairs (a full rebuild).
  virtual Status ReplaceAll(const std::vector<std::pair<int64_t, int64_t>>& pairs) = 0;
};

}  // namespace koers
