#include "search/search.hpp"

namespace koers {
namespace {

class NullSearchIndex final : public SearchIndex {
 public:
  Result<IndexHealth> Health(Store&) const override { return IndexHealth{}; }
  Status CatchUp(Store&) override { return Status::Ok(); }
  Status Rebuild(Store&) override { return Status::Ok(); }
  Result<SearchResult> Search(const SearchQuery&) const override { return SearchResult{}; }
  Result<std::vector<SearchHit>> Similar(int64_t, const SearchViewer&, int) const override {
    return std::vector<SearchHit>{};
  }
  Status SetProducts(const std::unordered_map<int64_t, std::string>&) override { return Status::Ok(); }
  Result<LessonResult> SearchLessons(const LessonQuery&) const override { return LessonResult{}; }
  Result<std::vector<LessonHit>> LessonsFor(int64_t, const SearchViewer&, int) const override {
    return std::vector<LessonHit>{};
  }
};

}  // namespace

std::unique_ptr<SearchIndex> MakeNullSearchIndex() { return std::make_unique<NullSearchIndex>(); }

}  // namespace koers
