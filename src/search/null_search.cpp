#include "search/search.hpp"

namespace koers {
namespace {

class NullSearchIndex final : public SearchIndex {
 public:
  void Upsert(const Innovation&) override {}
  void Remove(int64_t) override {}
  Status Rebuild(Store&) override { return Status::Ok(); }
  Result<SearchResult> Search(const SearchQuery&) const override { return SearchResult{}; }
};

}  // namespace

std::unique_ptr<SearchIndex> MakeNullSearchIndex() { return std::make_unique<NullSearchIndex>(); }

}  // namespace koers
