// The search component: finds innovations by free text. The register keeps
// it in step with the store (Upsert/Remove on every change); Rebuild brings
// it back in line with the store after an import or at start.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "domain/innovation.hpp"

namespace koers {

class Store;

struct SearchQuery {
  std::string text;
  int offset = 0;
  int limit = 20;
};

struct SearchHit {
  int64_t id = 0;
  double score = 0;
};

struct SearchResult {
  std::vector<SearchHit> hits;
  int64_t estimated_total = 0;
};

class SearchIndex {
 public:
  virtual ~SearchIndex() = default;
  // Adds or replaces one innovation. Thread-safe.
  virtual void Upsert(const Innovation& in) = 0;
  virtual void Remove(int64_t id) = 0;
  // Re-reads every innovation from the store.
  virtual Status Rebuild(Store& store) = 0;
  virtual Result<SearchResult> Search(const SearchQuery& query) const = 0;
};

// An index that keeps nothing and finds nothing; for tools that do not search.
std::unique_ptr<SearchIndex> MakeNullSearchIndex();

}  // namespace koers
